package io.streamlearn.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class FetchChunkDefaultsTest {

    /** As application.properties sets them: the environment names the cluster, if any. */
    private static final Map<String, String> AS_SHIPPED = Map.of(
            FetchChunkDefaults.BOOTSTRAP_SERVERS, "${KAFKA_BOOTSTRAP_SERVERS:}",
            FetchChunkDefaults.EMBEDDED_PARTITIONS, "1");

    @Test
    void theEmbeddedBrokersSinglePartitionFetchesLargerChunks() {
        assertThat(chunk(AS_SHIPPED)).isEqualTo("262144");
    }

    @Test
    void aClusterKeepsItsPartitionsInStepWithSmallChunks() {
        assertThat(chunk(with(AS_SHIPPED, "KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092"))).isEqualTo("65536");
    }

    @Test
    void anEmbeddedBrokerWithSeveralPartitionsKeepsThemInStep() {
        assertThat(chunk(with(AS_SHIPPED, FetchChunkDefaults.EMBEDDED_PARTITIONS, "3"))).isEqualTo("65536");
    }

    @Test
    void aChunkSetByTheUserWins() {
        assertThat(chunk(with(AS_SHIPPED, FetchChunkDefaults.FETCH_CHUNK, "1048576"))).isEqualTo("1048576");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> properties = new HashMap<>(base);
        properties.put(key, value);
        return properties;
    }

    private static String chunk(Map<String, String> applicationProperties) {
        // Default interceptors expand expressions, as in Quarkus.
        Config config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new FetchChunkDefaults())
                .build();
        return config.getValue(FetchChunkDefaults.FETCH_CHUNK, String.class);
    }
}
