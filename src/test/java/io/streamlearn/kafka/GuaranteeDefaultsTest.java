package io.streamlearn.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class GuaranteeDefaultsTest {

    /** As application.properties sets it: the environment picks the guarantee. */
    private static final String GUARANTEE_FROM_ENVIRONMENT = "${STREAMLEARN_PROCESSING_GUARANTEE:exactly_once_v2}";

    @Test
    void exactlyOnceLingersForHalfACommitInterval() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, GUARANTEE_FROM_ENVIRONMENT));

        assertThat(config.getValue(GuaranteeDefaults.LINGER, String.class)).isEqualTo("50");
    }

    @Test
    void atLeastOnceSendsAnswersAlmostAtOnce() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, GUARANTEE_FROM_ENVIRONMENT,
                "STREAMLEARN_PROCESSING_GUARANTEE", "at_least_once"));

        assertThat(config.getValue(GuaranteeDefaults.LINGER, String.class)).isEqualTo("5");
    }

    @Test
    void exactlyOnceFetchesWaitForAFewKilobytesOfInput() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, GUARANTEE_FROM_ENVIRONMENT));

        assertThat(config.getValue(GuaranteeDefaults.FETCH_MIN_BYTES, String.class)).isEqualTo("32768");
        assertThat(config.getValue(GuaranteeDefaults.FETCH_MAX_WAIT, String.class)).isEqualTo("20");
    }

    @Test
    void atLeastOnceKeepsKafkasImmediateFetches() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, "at_least_once"));

        assertThat(config.getValue(GuaranteeDefaults.FETCH_MIN_BYTES, String.class)).isEqualTo("1");
        assertThat(config.getValue(GuaranteeDefaults.FETCH_MAX_WAIT, String.class)).isEqualTo("500");
    }

    @Test
    void fetchWaitSetByTheUserWinsOverTheGuaranteesDefault() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, "exactly_once_v2",
                GuaranteeDefaults.FETCH_MAX_WAIT, "5"));

        assertThat(config.getValue(GuaranteeDefaults.FETCH_MAX_WAIT, String.class)).isEqualTo("5");
        assertThat(config.getValue(GuaranteeDefaults.FETCH_MIN_BYTES, String.class)).isEqualTo("32768");
    }

    /** Quarkus keeps build-time values as runtime defaults: a key only one guarantee set would leak into the other. */
    @Test
    void bothGuaranteesSetTheSameKeys() {
        assertThat(defaultedKeys("at_least_once")).isEqualTo(defaultedKeys("exactly_once_v2")).isNotEmpty();
    }

    @Test
    void lingerSetByTheUserWinsOverTheGuaranteesDefault() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, "exactly_once_v2", GuaranteeDefaults.LINGER, "20"));

        assertThat(config.getValue(GuaranteeDefaults.LINGER, String.class)).isEqualTo("20");
    }

    @Test
    void defaultIsListedAmongThePropertyNamesKafkaStreamsCollects() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, "at_least_once"));

        assertThat(config.getPropertyNames()).contains(GuaranteeDefaults.LINGER);
        assertThat(config(Map.of(GuaranteeDefaults.GUARANTEE, "exactly_once_v2")).getPropertyNames())
                .contains(GuaranteeDefaults.LINGER, GuaranteeDefaults.FETCH_MIN_BYTES, GuaranteeDefaults.FETCH_MAX_WAIT);
    }

    private static Set<String> defaultedKeys(String guarantee) {
        Set<String> keys = new TreeSet<>();
        config(Map.of(GuaranteeDefaults.GUARANTEE, guarantee)).getPropertyNames().forEach(keys::add);
        keys.remove(GuaranteeDefaults.GUARANTEE);
        return keys;
    }

    private static Config config(Map<String, String> applicationProperties) {
        // Default interceptors expand expressions, as in Quarkus.
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new GuaranteeDefaults())
                .build();
    }
}
