package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * Every optional feature on (KEDA, ServiceMonitor, Strimzi topics, GPU, admin secret), connected with
 * SCRAM-SHA-512 over TLS the way a Strimzi cluster is: src/test/resources/deploy/full-values.yaml.
 */
class FullValuesRenderingTest {

    private static final String VALUES = "full-values.yaml";
    private static final List<String> INPUT_TOPICS = List.of("interactions", "support-messages", "support-feedback");

    private final RenderedManifests manifests = ChartRenderer.manifests(VALUES);
    private final StreamlearnPod pod = StreamlearnPod.of(manifests);

    @Test
    void rendersEveryOptionalObject() {
        assertThat(manifests.objectNames()).containsExactlyInAnyOrder(
                "PodDisruptionBudget/sl-streamlearn", "ConfigMap/sl-streamlearn",
                "Service/sl-streamlearn-headless", "Service/sl-streamlearn", "StatefulSet/sl-streamlearn",
                "ScaledObject/sl-streamlearn", "TriggerAuthentication/sl-streamlearn-kafka",
                "ServiceMonitor/sl-streamlearn",
                "KafkaTopic/interactions", "KafkaTopic/recommendations", "KafkaTopic/streamlearn-dlq", "KafkaTopic/streamlearn-model-sync",
                "KafkaTopic/support-messages", "KafkaTopic/support-predictions", "KafkaTopic/support-feedback");
    }

    @Test
    void scramPasswordComesFromTheSecretAndIsExpandedIntoTheJaasConfig() {
        EnvVar password = pod.env("KAFKA_SASL_PASSWORD").orElseThrow();

        assertThat(password.getValue()).isNull();
        assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("streamlearn");
        assertThat(password.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        assertThat(pod.envValue("QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
        assertThat(pod.envValue("QUARKUS_KAFKA_STREAMS_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(pod.envValue("QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"$(KAFKA_SASL_USERNAME)\" password=\"$(KAFKA_SASL_PASSWORD)\";");
        assertThat(pod.envNames()).as("$(VAR) only expands when VAR is declared earlier")
                .containsSubsequence("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD",
                        "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG");
    }

    @Test
    void truststoreIsMountedFromItsSecretAndItsPasswordReadFromIt() {
        String location = pod.envValue("QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_LOCATION");
        Volume truststore = pod.spec().getVolumes().stream()
                .filter(volume -> volume.getName().equals("kafka-truststore")).findFirst().orElseThrow();

        assertThat(truststore.getSecret().getSecretName()).isEqualTo("prod-cluster-ca-cert");
        assertThat(location).isEqualTo(pod.mount("kafka-truststore").getMountPath() + "/"
                + truststore.getSecret().getItems().get(0).getPath());
        assertThat(truststore.getSecret().getItems().get(0).getKey()).isEqualTo("ca.p12");
        assertThat(pod.envValue("QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_TYPE")).isEqualTo("PKCS12");
        assertThat(pod.env("QUARKUS_KAFKA_STREAMS_SSL_TRUSTSTORE_PASSWORD").orElseThrow()
                .getValueFrom().getSecretKeyRef().getKey()).isEqualTo("ca.password");
    }

    @Test
    void adminPasswordComesFromItsSecret() {
        EnvVar admin = pod.env("STREAMLEARN_ADMIN_PASSWORD").orElseThrow();

        assertThat(admin.getValueFrom().getSecretKeyRef().getName()).isEqualTo("streamlearn-admin");
    }

    @Test
    void noEnvironmentVariableNamedLikeACredentialHasALiteralValue() {
        assertThat(pod.container().getEnv())
                .filteredOn(variable -> variable.getName().matches(".*(PASSWORD|SECRET|TOKEN|KEY).*"))
                .isNotEmpty()
                .allSatisfy(variable -> {
                    assertThat(variable.getValue()).as(variable.getName()).isNull();
                    assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName()).isNotNull();
                });
        // Anywhere a password is assigned (JAAS, properties), the value must be a $(VAR) reference to a Secret.
        assertThat(ChartRenderer.render(VALUES).replace("\\\"", "\""))
                .containsPattern("password=\"\\$\\(KAFKA_SASL_PASSWORD\\)\"")
                .doesNotContainPattern("(?i)password\\s*[=:]\\s*\"?(?!\\$\\()[^\"\\s]");
    }

    @Test
    void kedaScalesTheStatefulSetOnInputLagOfTheApplicationsConsumerGroup() {
        JsonNode scaledObject = manifests.onlyCustom("ScaledObject").path("spec");
        List<JsonNode> triggers = StreamSupport.stream(scaledObject.path("triggers").spliterator(), false).toList();

        assertThat(scaledObject.path("scaleTargetRef").path("kind").asText()).isEqualTo("StatefulSet");
        assertThat(scaledObject.path("scaleTargetRef").path("name").asText())
                .isEqualTo(pod.statefulSet().getMetadata().getName());
        assertThat(triggers).extracting(trigger -> trigger.path("metadata").path("topic").asText())
                .containsExactlyInAnyOrderElementsOf(INPUT_TOPICS);
        assertThat(triggers).allSatisfy(trigger -> {
            assertThat(trigger.path("type").asText()).isEqualTo("kafka");
            assertThat(trigger.path("metadata").path("consumerGroup").asText())
                    .isEqualTo(pod.envValue("STREAMLEARN_APPLICATION_ID"));
            assertThat(trigger.path("metadata").path("bootstrapServers").asText())
                    .isEqualTo(pod.envValue("KAFKA_BOOTSTRAP_SERVERS"));
            assertThat(trigger.path("metadata").path("sasl").asText()).isEqualTo("scram_sha512");
            assertThat(trigger.path("metadata").path("tls").asText()).isEqualTo("enable");
            assertThat(trigger.path("authenticationRef").path("name").asText()).isEqualTo("sl-streamlearn-kafka");
        });
        assertThat(pod.statefulSet().getSpec().getReplicas()).as("the HPA owns the replica count").isNull();
    }

    @Test
    void kedaMaxReplicasIsCappedAtTheInputTopicsPartitionCount() {
        int largestInputPartitionCount = INPUT_TOPICS.stream()
                .mapToInt(topic -> TopicFiles.read(TopicFiles.SOURCE.resolve(topic + ".yaml"))
                        .path("spec").path("partitions").asInt())
                .max().orElseThrow();

        assertThat(largestInputPartitionCount).isEqualTo(6);
        assertThat(manifests.onlyCustom("ScaledObject").path("spec").path("maxReplicaCount").asInt())
                .as("values ask for 20").isEqualTo(largestInputPartitionCount);
    }

    @Test
    void kedaScalesDownSlowly() {
        JsonNode scaleDown = manifests.onlyCustom("ScaledObject").path("spec").path("advanced")
                .path("horizontalPodAutoscalerConfig").path("behavior").path("scaleDown");

        assertThat(scaleDown.path("stabilizationWindowSeconds").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(scaleDown.path("policies").get(0).path("type").asText()).isEqualTo("Pods");
        assertThat(scaleDown.path("policies").get(0).path("value").asInt()).isEqualTo(1);
    }

    @Test
    void kedaAuthenticatesWithTheSameSecretsAsTheService() {
        JsonNode spec = manifests.onlyCustom("TriggerAuthentication").path("spec");
        Map<String, String> secretByParameter = new java.util.TreeMap<>();
        spec.path("secretTargetRef").forEach(reference -> secretByParameter.put(
                reference.path("parameter").asText(),
                reference.path("name").asText() + "/" + reference.path("key").asText()));

        assertThat(secretByParameter).containsExactlyInAnyOrderEntriesOf(Map.of(
                "password", "streamlearn/password", "ca", "prod-cluster-ca-cert/ca.crt"));
        assertThat(spec.path("env").get(0).path("parameter").asText()).isEqualTo("username");
        assertThat(pod.envValue(spec.path("env").get(0).path("name").asText())).isEqualTo("streamlearn");
    }

    @Test
    void serviceMonitorScrapesPrometheusMetricsOfEveryPodThroughTheHeadlessService() {
        JsonNode monitor = manifests.onlyCustom("ServiceMonitor");
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);

        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(monitor.path("spec").path("selector").path("matchLabels").path("streamlearn.io/service").asText())
                .isEqualTo("headless");
        assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
    }

    @Test
    void strimziTopicsCarryTheSpecOfTheTopicFilesAndTheTargetCluster() {
        List<JsonNode> topics = manifests.custom("KafkaTopic");

        assertThat(topics).hasSize(TopicFiles.in(TopicFiles.SOURCE).size());
        for (JsonNode topic : topics) {
            String name = topic.path("metadata").path("name").asText();
            JsonNode source = TopicFiles.read(TopicFiles.SOURCE.resolve(name + ".yaml"));
            assertThat(topic.path("spec")).as(name).isEqualTo(source.path("spec"));
            assertThat(topic.path("apiVersion")).isEqualTo(source.path("apiVersion"));
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("prod");
            assertThat(topic.path("metadata").path("namespace").asText()).isEqualTo("kafka");
            assertThat(topic.path("metadata").path("annotations").path("helm.sh/resource-policy").asText())
                    .as("uninstalling must not delete topic data").isEqualTo("keep");
        }
    }

    @Test
    void serviceLeavesTopicCreationToTheTopicOperator() {
        assertThat(manifests.only(ConfigMap.class).getData().get("application.properties"))
                .contains("streamlearn.kafka.create-topics=false");
    }

    @Test
    void configValuesBecomePropertiesWithWholeNumbersKeptWhole() {
        assertThat(manifests.only(ConfigMap.class).getData().get("application.properties"))
                .contains("streamlearn.recommend.batch-size=128\n", "streamlearn.recommend.max-wait=500ms\n",
                        "streamlearn.recommend.item-capacity=2000000\n", "streamlearn.recommend.learning-rate=0.25\n");
    }

    @Test
    void gpuVariantRunsTheCudaImageWithAGpuOnGpuNodes() {
        assertThat(pod.container().getImage()).isEqualTo("ghcr.io/streamlearn/streamlearn:0.1.0-cuda");
        assertThat(pod.container().getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
        assertThat(pod.spec().getNodeSelector()).containsEntry("nvidia.com/gpu.present", "true");
        assertThat(pod.spec().getTolerations()).extracting(Toleration::getKey).contains("nvidia.com/gpu");
    }

    @Test
    void extraEnvironmentIsPassedThrough() {
        assertThat(pod.envValue("STREAMLEARN_RECOMMEND_TOP_K")).isEqualTo("20");
    }
}
