package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Values that would deploy something broken or unsafe stop the rendering with a message that says why. */
class ChartRejectsUnsafeValuesTest {

    @Test
    void emptyBootstrapServersIsRejectedBecauseTheServiceWouldStartAnEmbeddedBroker() {
        assertThatThrownBy(() -> ChartRenderer.render(null, Map.of("kafka.bootstrapServers", "")))
                .hasMessageContaining("kafka.bootstrapServers is required");
    }

    @Test
    void saslWithoutASecretIsRejected() {
        assertThatThrownBy(() -> ChartRenderer.render(null, Map.of("kafka.sasl.enabled", "true",
                "kafka.sasl.username", "streamlearn")))
                .hasMessageContaining("kafka.sasl.existingSecret is required");
    }

    @Test
    void saslAndClientCertificateTogetherAreRejected() {
        assertThatThrownBy(() -> ChartRenderer.render("mtls-values.yaml", Map.of("kafka.sasl.enabled", "true",
                "kafka.sasl.username", "streamlearn", "kafka.sasl.existingSecret", "streamlearn")))
                .hasMessageContaining("exclusive");
    }

    @Test
    void nonScramMechanismIsRejectedBecauseTheJaasConfigIsScram() {
        assertThatThrownBy(() -> ChartRenderer.render("full-values.yaml", Map.of("kafka.sasl.mechanism", "PLAIN")))
                .hasMessageContaining("not supported");
    }

    @Test
    void configKeyOutsideStreamlearnIsRejected() {
        assertThatThrownBy(() -> ChartRenderer.render(null, Map.of("config.quarkus\\.http\\.port", "9090")))
                .hasMessageContaining("is not a streamlearn.* key");
    }

    @Test
    void inputTopicWithoutATopicFileIsRejectedWhenKedaScalesOnIt() {
        assertThatThrownBy(() -> ChartRenderer.render(null, Map.of("keda.enabled", "true",
                "topics.inputs[0]", "model-sync")))
                .hasMessageContaining("\"model-sync\", which has no file under files/topics/");
    }

    @Test
    void gpuWithoutACudaImageTagIsRejected() {
        assertThatThrownBy(() -> ChartRenderer.render(null, Map.of("gpu.enabled", "true")))
                .hasMessageContaining("gpu.imageTag is required");
    }
}
