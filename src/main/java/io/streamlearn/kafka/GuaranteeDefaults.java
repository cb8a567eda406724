package io.streamlearn.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Kafka Streams client settings whose best value depends on the processing guarantee. Under
 * exactly_once_v2 answers become readable only when their transaction commits (every
 * {@code commit.interval.ms}, 100 ms), so a short wait costs no visibility. The producer lingers
 * for half a commit interval and sends few, large requests: in the load test at 3,000 ev/s this
 * took the service JVM (embedded broker included) from ~400 to ~345 us of CPU per event without
 * moving p99. The main consumer lets the broker gather 32 KB or 20 ms of input per fetch instead
 * of answering each fetch as soon as one record is there: ~335 to ~280 us per event, p50 +12-15 ms.
 * Under at_least_once an answer is readable once sent, so neither waits. Any value the user sets
 * wins: these sit below application.properties, environment and system properties.
 */
public final class GuaranteeDefaults implements ConfigSourceFactory {

    static final String GUARANTEE = "kafka-streams.processing.guarantee";
    static final String LINGER = "kafka-streams.producer.linger.ms";
    static final String FETCH_MIN_BYTES = "kafka-streams.main.consumer.fetch.min.bytes";
    static final String FETCH_MAX_WAIT = "kafka-streams.main.consumer.fetch.max.wait.ms";
    /** Below application.properties in the jar (250) and the environment (300). */
    static final int ORDINAL = 200;

    private static final Map<String, String> EXACTLY_ONCE = Map.of(LINGER, "50", FETCH_MIN_BYTES, "32768",
            FETCH_MAX_WAIT, "20");
    /**
     * Kafka's own fetch defaults (a fetch is answered as soon as one byte is there), spelled out:
     * Quarkus records the values a config source gives at build time, where the guarantee is the
     * default, as runtime defaults, so a key left out here would take exactly_once_v2's value.
     */
    private static final Map<String, String> AT_LEAST_ONCE = Map.of(LINGER, "5",
            FETCH_MIN_BYTES, String.valueOf(ConsumerConfig.DEFAULT_FETCH_MIN_BYTES),
            FETCH_MAX_WAIT, String.valueOf(ConsumerConfig.DEFAULT_FETCH_MAX_WAIT_MS));

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue guarantee = context.getValue(GUARANTEE);
        boolean exactlyOnce = guarantee != null && guarantee.getValue() != null
                && guarantee.getValue().trim().startsWith("exactly_once");
        return List.of(new PropertiesConfigSource(exactlyOnce ? EXACTLY_ONCE : AT_LEAST_ONCE,
                "streamlearn-guarantee-defaults", ORDINAL));
    }
}
