package io.streamlearn.demo;

import java.util.Iterator;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.streamlearn.event.Interaction;
import io.streamlearn.event.JsonSerde;
import io.streamlearn.kafka.KafkaClientSettings;
import io.streamlearn.kafka.StreamlearnConfig;

/**
 * The demo switch ({@code streamlearn.demo.mode}): produces synthetic interactions, or replays a
 * MovieLens-format file, to the interactions topic at a fixed rate, like an external producer would.
 */
@ApplicationScoped
public class DemoFeeder {

    private static final Logger LOG = Logger.getLogger(DemoFeeder.class);

    @Inject
    StreamlearnConfig config;

    @Inject
    Config rawConfig;

    @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers")
    String bootstrapServers;

    private ExecutorService worker;
    private volatile boolean stopping;

    void start(@Observes @Priority(3000) StartupEvent event) throws java.io.IOException {
        StreamlearnConfig.Demo demo = config.demo();
        Iterator<Interaction> source = switch (demo.mode()) {
            case "off" -> null;
            case "synthetic" -> new SyntheticInteractions(42);
            case "movielens" -> MovieLensFile.inTimeOrder(demo.file().orElseThrow(
                    () -> new IllegalArgumentException("streamlearn.demo.mode=movielens needs streamlearn.demo.file")));
            default -> throw new IllegalArgumentException("streamlearn.demo.mode must be off, synthetic or movielens");
        };
        if (source == null) {
            return;
        }
        LOG.infof("demo feeder: %s at %d events/s to %s", demo.mode(), demo.rate(), config.topics().interactions());
        worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "demo-feeder"));
        worker.execute(() -> feed(source, demo.rate(), demo.limit()));
    }

    void stop(@Observes @Priority(100) ShutdownEvent event) {
        stopping = true;
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void feed(Iterator<Interaction> source, int rate, long limit) {
        Properties properties = KafkaClientSettings.adminProperties(rawConfig, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        JsonSerde<Interaction> serde = new JsonSerde<>(Interaction.class);
        long intervalNanos = 1_000_000_000L / Math.max(1, rate);
        long next = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            while (!stopping && source.hasNext() && (limit == 0 || sent < limit)) {
                Interaction interaction = source.next();
                producer.send(new ProducerRecord<>(config.topics().interactions(), interaction.userId(),
                        serde.serialize(null, interaction)));
                sent++;
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.flush();
            LOG.infof("demo feeder: produced %d interactions", sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
