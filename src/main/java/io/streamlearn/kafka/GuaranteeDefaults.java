package io.streamlearn.kafka;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Kafka Streams producer settings whose best value depends on the processing guarantee. Under
 * exactly_once_v2 answers become readable only when their transaction commits (every
 * {@code commit.interval.ms}, 100 ms), so sends may wait for half of that and go out in a few
 * large requests: in the load test at 3,000 ev/s this took the service JVM (embedded broker
 * included) from ~400 to ~345 us of CPU per event without moving p99. Under at_least_once an
 * answer is readable once sent, so the wait stays short. Any value the user sets wins: these sit
 * below application.properties, environment and system properties.
 */
public final class GuaranteeDefaults implements ConfigSourceFactory {

    static final String GUARANTEE = "kafka-streams.processing.guarantee";
    static final String LINGER = "kafka-streams.producer.linger.ms";
    static final String EXACTLY_ONCE_LINGER_MS = "50";
    static final String AT_LEAST_ONCE_LINGER_MS = "5";
    /** Below application.properties in the jar (250) and the environment (300). */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue guarantee = context.getValue(GUARANTEE);
        boolean exactlyOnce = guarantee != null && guarantee.getValue() != null
                && guarantee.getValue().trim().startsWith("exactly_once");
        String linger = exactlyOnce ? EXACTLY_ONCE_LINGER_MS : AT_LEAST_ONCE_LINGER_MS;
        return List.of(new PropertiesConfigSource(Map.of(LINGER, linger), "streamlearn-guarantee-defaults", ORDINAL));
    }
}
