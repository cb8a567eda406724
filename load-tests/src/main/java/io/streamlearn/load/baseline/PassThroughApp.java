package io.streamlearn.load.baseline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import io.streamlearn.load.generate.Workload;

/**
 * Runs the pass-through topology in this JVM against the service's broker, with the service's
 * processing guarantee, its single stream thread and otherwise Kafka Streams' defaults (as the
 * service has), plus any {@code --streams-property} given to both.
 */
public final class PassThroughApp implements AutoCloseable {

    private final KafkaStreams streams;

    private PassThroughApp(KafkaStreams streams) {
        this.streams = streams;
    }

    public static PassThroughApp start(String bootstrapServers, String applicationId, String guarantee,
            Workload workload, Path stateDir, List<String> extraProperties) throws InterruptedException {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        for (String property : extraProperties) {
            int equals = property.indexOf('=');
            props.put(property.substring(0, equals), property.substring(equals + 1));
        }
        KafkaStreams streams = new KafkaStreams(
                PassThroughTopology.build(workload, workload.baselineInputTopic(), workload.baselineOutputTopic()),
                props);
        streams.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("baseline stream did not reach RUNNING (" + streams.state() + ")");
            }
            Thread.sleep(100);
        }
        return new PassThroughApp(streams);
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(20));
    }
}
