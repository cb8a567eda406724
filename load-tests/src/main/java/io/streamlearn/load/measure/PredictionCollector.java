package io.streamlearn.load.measure;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads the output topics as a {@code read_committed} consumer (what a downstream application sees;
 * under exactly-once a prediction is readable only once its transaction commits), matches each
 * prediction to its event by identifier and records the latency from the event's intended send
 * time to the moment the prediction was returned by {@code poll}, and the part of it after the
 * service produced the prediction.
 */
public final class PredictionCollector implements AutoCloseable {

    private static final Set<String> ID_FIELDS = Set.of("eventId", "messageId");

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final EventIds ids;
    private final InFlightLedger ledger;
    private final LatencyMeter meter;
    private final RunClock clock;
    private final JsonFactory json = new JsonFactory();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public PredictionCollector(String bootstrapServers, Collection<String> topics, EventIds ids, InFlightLedger ledger,
            LatencyMeter meter, RunClock clock) {
        this.ids = ids;
        this.ledger = ledger;
        this.meter = meter;
        this.clock = clock;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before any event of this run is produced.
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::pollLoop, "prediction-collector");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void pollLoop() {
        while (running.get()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(50));
            long readNanos = clock.nowNanos();
            long readMillis = clock.epochMillisAt(readNanos);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                AnswerFields answer = fieldsOf(json, record.value());
                long latency = ledger.answer(ids.sequenceOf(answer.id()), readNanos);
                if (latency >= 0) {
                    // The two clocks are read at millisecond resolution: a difference below 0 is 0.
                    meter.record(latency,
                            answer.producedAtMillis() < 0 ? -1 : Math.max(0, readMillis - answer.producedAtMillis()));
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * What the harness reads of a prediction: its event's identifier ({@code eventId} of a
     * recommendation, {@code messageId} of a support prediction; null when absent) and the wall-clock
     * time the service produced it ({@code producedAt}, epoch ms; -1 when absent). Service and
     * harness share the machine's clock, so the time from {@code producedAt} to the read is the part
     * of an event's latency spent after its answer was made: committing it and reading it.
     */
    record AnswerFields(String id, long producedAtMillis) {
        static final AnswerFields NONE = new AnswerFields(null, -1);
    }

    /** Streams the prediction's top-level fields until it has both of {@link AnswerFields}. */
    static AnswerFields fieldsOf(JsonFactory json, byte[] value) {
        if (value == null) {
            return AnswerFields.NONE;
        }
        String id = null;
        long producedAt = -1;
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return AnswerFields.NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME && (id == null || producedAt < 0)) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (ID_FIELDS.contains(name) && token == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else if (name.equals("producedAt") && token == JsonToken.VALUE_NUMBER_INT) {
                    producedAt = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // A value cut short still gives the fields read before the break.
        }
        return new AnswerFields(id, producedAt);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
