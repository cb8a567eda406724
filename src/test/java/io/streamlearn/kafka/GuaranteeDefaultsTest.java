package io.streamlearn.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
    void lingerSetByTheUserWinsOverTheGuaranteesDefault() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, "exactly_once_v2", GuaranteeDefaults.LINGER, "20"));

        assertThat(config.getValue(GuaranteeDefaults.LINGER, String.class)).isEqualTo("20");
    }

    @Test
    void defaultIsListedAmongThePropertyNamesKafkaStreamsCollects() {
        Config config = config(Map.of(GuaranteeDefaults.GUARANTEE, "at_least_once"));

        assertThat(config.getPropertyNames()).contains(GuaranteeDefaults.LINGER);
    }

    private static Config config(Map<String, String> applicationProperties) {
        // Default interceptors expand expressions, as in Quarkus.
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new GuaranteeDefaults())
                .build();
    }
}
