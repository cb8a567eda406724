package io.streamlearn.load.produce;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.streamlearn.load.generate.EventStream;
import io.streamlearn.load.generate.OutgoingEvent;
import io.streamlearn.load.measure.EventIds;
import io.streamlearn.load.measure.InFlightLedger;
import io.streamlearn.load.measure.RunClock;

/**
 * Sends generated events to a topic, either open-loop at a fixed rate (sends are scheduled by the
 * clock; a backed-up system does not slow the offered load) or closed-loop with a bounded number
 * of unanswered events (to probe capacity without building an unbounded backlog).
 */
public final class LoadProducer implements AutoCloseable {

    /** Below this a sleep overshoots; the pacer yields instead. */
    private static final long MIN_PARK_NANOS = 50_000;

    private final KafkaProducer<String, byte[]> producer;
    private final EventIds ids;
    private final InFlightLedger ledger;
    private final RunClock clock;
    private final AtomicLong nextSequence = new AtomicLong();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

    public LoadProducer(String bootstrapServers, EventIds ids, InFlightLedger ledger, RunClock clock) {
        this.ids = ids;
        this.ledger = ledger;
        this.clock = clock;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A short linger batches at high rates without adding noticeable latency at low ones.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code rate × duration} events, each at its scheduled time or as soon after as possible. */
    public SendResult openLoop(String topic, EventStream stream, double rate, Duration duration) {
        OpenLoopSchedule schedule = new OpenLoopSchedule(clock.nowNanos(), rate);
        long total = schedule.eventsIn(duration.toNanos() / 1e9);
        long sent = 0;
        long late = 0;
        while (sent < total) {
            long due = Math.min(schedule.dueBy(clock.nowNanos()), total);
            while (sent < due) {
                long intended = schedule.intendedNanos(sent);
                send(topic, stream, intended);
                sent++;
                late = clock.nowNanos() - intended;
            }
            if (sent < total) {
                long wait = schedule.intendedNanos(sent) - clock.nowNanos();
                if (wait > MIN_PARK_NANOS) {
                    LockSupport.parkNanos(wait - MIN_PARK_NANOS / 2);
                } else if (wait > 0) {
                    Thread.onSpinWait();
                }
            }
        }
        producer.flush();
        throwIfSendFailed();
        return new SendResult(sent, total, schedule.startNanos(), clock.nowNanos(), Math.max(0, late));
    }

    /** Sends as fast as answers come back, never more than {@code window} events unanswered. */
    public SendResult closedLoop(String topic, EventStream stream, int window, Duration duration) {
        long start = clock.nowNanos();
        long end = start + duration.toNanos();
        long sent = 0;
        long now;
        while ((now = clock.nowNanos()) < end) {
            if (ledger.outstanding() < window) {
                send(topic, stream, now);
                sent++;
            } else {
                LockSupport.parkNanos(100_000);
            }
        }
        producer.flush();
        throwIfSendFailed();
        return new SendResult(sent, sent, start, clock.nowNanos(), 0);
    }

    private void send(String topic, EventStream stream, long intendedNanos) {
        long sequence = nextSequence.getAndIncrement();
        OutgoingEvent event = stream.next(ids.idOf(sequence), clock.epochMillisAt(intendedNanos));
        ledger.register(sequence, intendedNanos);
        producer.send(new ProducerRecord<>(topic, event.key(), event.value()), (metadata, error) -> {
            if (error != null) {
                sendFailure.compareAndSet(null, error);
            }
        });
    }

    private void throwIfSendFailed() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new IllegalStateException("producing load failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
