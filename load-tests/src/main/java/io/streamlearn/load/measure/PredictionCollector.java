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
 * time to the moment the prediction was returned by {@code poll}.
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
            for (ConsumerRecord<byte[], byte[]> record : records) {
                long latency = ledger.answer(ids.sequenceOf(idIn(json, record.value())), readNanos);
                if (latency >= 0) {
                    meter.record(latency);
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /**
     * The event identifier at the top level of a prediction ({@code eventId} of a recommendation,
     * {@code messageId} of a support prediction); streamed, because it is the first field.
     */
    static String idIn(JsonFactory json, byte[] value) {
        if (value == null) {
            return null;
        }
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                if (ID_FIELDS.contains(name)) {
                    return token == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }
}
