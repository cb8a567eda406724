package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Volume;

/** Client-certificate authentication (a Strimzi KafkaUser of type tls): src/test/resources/deploy/mtls-values.yaml. */
class MutualTlsRenderingTest {

    private final RenderedManifests manifests = ChartRenderer.manifests("mtls-values.yaml");
    private final StreamlearnPod pod = StreamlearnPod.of(manifests);

    @Test
    void keystoreIsMountedFromTheUserSecretAndProtocolIsSsl() {
        Volume keystore = pod.spec().getVolumes().stream()
                .filter(volume -> volume.getName().equals("kafka-keystore")).findFirst().orElseThrow();

        assertThat(pod.envValue("QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL")).isEqualTo("SSL");
        assertThat(keystore.getSecret().getSecretName()).isEqualTo("streamlearn");
        assertThat(pod.envValue("QUARKUS_KAFKA_STREAMS_SSL_KEYSTORE_LOCATION"))
                .isEqualTo(pod.mount("kafka-keystore").getMountPath() + "/user.p12");
        assertThat(pod.env("QUARKUS_KAFKA_STREAMS_SSL_KEYSTORE_PASSWORD").orElseThrow()
                .getValueFrom().getSecretKeyRef().getKey()).isEqualTo("user.password");
        assertThat(pod.envNames()).doesNotContain("QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG", "KAFKA_SASL_PASSWORD");
    }

    @Test
    void kedaPresentsTheSameClientCertificate() {
        JsonNode spec = manifests.onlyCustom("TriggerAuthentication").path("spec");
        Map<String, String> secretByParameter = new TreeMap<>();
        spec.path("secretTargetRef").forEach(reference -> secretByParameter.put(
                reference.path("parameter").asText(),
                reference.path("name").asText() + "/" + reference.path("key").asText()));

        assertThat(secretByParameter).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ca", "prod-cluster-ca-cert/ca.crt", "cert", "streamlearn/user.crt", "key", "streamlearn/user.key"));
        manifests.onlyCustom("ScaledObject").path("spec").path("triggers").forEach(trigger -> {
            assertThat(trigger.path("metadata").path("tls").asText()).isEqualTo("enable");
            assertThat(trigger.path("metadata").has("sasl")).isFalse();
        });
    }
}
