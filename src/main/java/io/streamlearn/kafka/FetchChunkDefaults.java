package io.streamlearn.kafka;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * How much of one partition the stream thread's consumer fetches at a time. A consumer hands out one
 * partition's fetched chunk until it is used up: with Kafka's default 1 MB a backlog was worked one
 * partition at a time for ~30 s, leaving the instance's other tasks (and the replicas they sync
 * with) far behind in event time, so 64 KB chunks keep several partitions in step. The embedded
 * broker with its default single partition has nothing to keep in step, and there 256 KB chunks
 * answered ~9 % more events per second under overload: with 64 KB the stream thread waited in
 * {@code poll} for the next fetch. Any value the user sets wins (this source sits below
 * application.properties, environment and system properties).
 */
public final class FetchChunkDefaults implements ConfigSourceFactory {

    static final String FETCH_CHUNK = "kafka-streams.main.consumer.max.partition.fetch.bytes";
    static final String BOOTSTRAP_SERVERS = "streamlearn.kafka.bootstrap-servers";
    static final String EMBEDDED_PARTITIONS = "streamlearn.embedded-broker.partitions";
    static final String PARTITIONS_IN_STEP = "65536";
    static final String SINGLE_PARTITION = "262144";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean embedded = isBlank(context.getValue(BOOTSTRAP_SERVERS));
        ConfigValue partitions = context.getValue(EMBEDDED_PARTITIONS);
        boolean onePartition = embedded && (isBlank(partitions) || partitions.getValue().trim().equals("1"));
        return List.of(new PropertiesConfigSource(Map.of(FETCH_CHUNK, onePartition ? SINGLE_PARTITION : PARTITIONS_IN_STEP),
                "streamlearn-fetch-chunk-defaults", GuaranteeDefaults.ORDINAL));
    }

    private static boolean isBlank(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank();
    }
}
