package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** The chart with nothing but its own values.yaml: the plain-Kafka install. */
class DefaultValuesRenderingTest {

    private final RenderedManifests manifests = ChartRenderer.manifests(null);
    private final StreamlearnPod pod = StreamlearnPod.of(manifests);

    @Test
    void rendersOnlyTheCoreObjectsWhenNoOptionalFeatureIsOn() {
        assertThat(manifests.objectNames()).containsExactlyInAnyOrder(
                "PodDisruptionBudget/sl-streamlearn", "ConfigMap/sl-streamlearn",
                "Service/sl-streamlearn-headless", "Service/sl-streamlearn", "StatefulSet/sl-streamlearn");
    }

    @Test
    void groupInstanceIdIsThePodNameForStaticMembership() {
        assertThat(pod.env("POD_NAME").orElseThrow().getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        assertThat(pod.envValue("STREAMLEARN_INSTANCE_ID")).isEqualTo("$(POD_NAME)");
        assertThat(pod.envNames()).as("$(POD_NAME) only expands when declared earlier")
                .containsSubsequence("POD_NAME", "STREAMLEARN_INSTANCE_ID");
    }

    @Test
    void advertisedHostIsThePodsDnsNameUnderTheHeadlessService() {
        Service headless = manifests.all(Service.class).stream()
                .filter(service -> "None".equals(service.getSpec().getClusterIP())).findFirst().orElseThrow();

        assertThat(pod.statefulSet().getSpec().getServiceName()).isEqualTo(headless.getMetadata().getName());
        assertThat(pod.envValue("STREAMLEARN_ADVERTISED_HOST"))
                .isEqualTo("$(POD_NAME)." + headless.getMetadata().getName() + ".$(POD_NAMESPACE).svc");
        assertThat(pod.env("POD_NAMESPACE").orElseThrow().getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.namespace");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    }

    @Test
    void stateDirectoryAndJavacppCacheLieOnThePersistentVolume() {
        PersistentVolumeClaim claim = pod.statefulSet().getSpec().getVolumeClaimTemplates().get(0);
        Path mountPath = Path.of(pod.mount(claim.getMetadata().getName()).getMountPath());

        assertThat(Path.of(pod.envValue("KAFKA_STREAMS_STATE_DIR"))).startsWithRaw(mountPath);
        assertThat(pod.envValue("JAVA_TOOL_OPTIONS"))
                .contains("-Dorg.bytedeco.javacpp.cachedir=" + mountPath.resolve("javacpp"));
        assertThat(claim.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("10Gi"));
        assertThat(pod.spec().getVolumes()).noneMatch(volume -> volume.getName().equals(claim.getMetadata().getName()));
    }

    @Test
    void kafkaIsAlwaysExternalSoTheEmbeddedBrokerNeverStarts() {
        assertThat(pod.envValue("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("my-cluster-kafka-bootstrap:9092");
        assertThat(pod.envNames()).doesNotContain("QUARKUS_KAFKA_STREAMS_SECURITY_PROTOCOL",
                "QUARKUS_KAFKA_STREAMS_SASL_JAAS_CONFIG");
    }

    @Test
    void readinessFollowsTheStreamAndLivenessTheHttpServer() {
        Probe readiness = pod.container().getReadinessProbe();
        Probe liveness = pod.container().getLivenessProbe();
        Probe startup = pod.container().getStartupProbe();

        assertThat(readiness.getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(liveness.getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(startup.getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(readiness.getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(pod.container().getPorts()).anyMatch(port -> port.getName().equals("http")
                && port.getContainerPort() == 8080);
        assertThat(pod.envValue("QUARKUS_HTTP_PORT")).isEqualTo("8080");
    }

    @Test
    void heapLeavesRoomForNd4jOffHeapAndRocksDb() {
        String javaOptions = pod.envValue("JAVA_TOOL_OPTIONS");
        int heapPercent = Integer.parseInt(javaOptions.replaceAll(".*-XX:MaxRAMPercentage=(\\d+).*", "$1"));
        Quantity limit = pod.container().getResources().getLimits().get("memory");

        assertThat(heapPercent).as("heap + an equal ND4J off-heap must stay well under the limit")
                .isLessThanOrEqualTo(35);
        assertThat(limit).isEqualTo(pod.container().getResources().getRequests().get("memory"));
        assertThat(Quantity.getAmountInBytes(limit).longValue()).isGreaterThanOrEqualTo(2L << 30);
    }

    @Test
    void podsGetTimeForACleanKafkaStreamsClose() {
        assertThat(pod.spec().getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(60L);
    }

    @Test
    void runsAsNonRootWithAReadOnlyRootFilesystem() {
        assertThat(pod.spec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.spec().getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.container().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.mount("tmp").getMountPath()).isEqualTo("/tmp");
        assertThat(pod.spec().getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void disruptionBudgetCoversThePodsAndAllowsOneAtATime() {
        PodDisruptionBudget budget = manifests.only(PodDisruptionBudget.class);
        StatefulSet statefulSet = pod.statefulSet();

        assertThat(budget.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(statefulSet.getSpec().getSelector().getMatchLabels());
        assertThat(statefulSet.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void kafkaStreamsSettingsAndReplicaCountComeFromValues() {
        assertThat(pod.statefulSet().getSpec().getReplicas()).isEqualTo(3);
        assertThat(pod.envValue("STREAMLEARN_STANDBY_REPLICAS")).isEqualTo("1");
        assertThat(pod.envValue("STREAMLEARN_APPLICATION_ID")).isEqualTo("streamlearn");
        assertThat(pod.envValue("STREAMLEARN_PROCESSING_GUARANTEE")).isEqualTo("exactly_once_v2");
    }

    @Test
    void configMapIsMountedWhereQuarkusReadsApplicationProperties() {
        ConfigMap config = manifests.only(ConfigMap.class);

        assertThat(pod.mount("config").getMountPath()).isEqualTo("/deployments/config");
        assertThat(pod.spec().getVolumes()).anyMatch(volume -> volume.getName().equals("config")
                && volume.getConfigMap().getName().equals(config.getMetadata().getName()));
        assertThat(config.getData().get("application.properties"))
                .contains("streamlearn.kafka.create-topics=true");
        assertThat(pod.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("checksum/config");
    }

    @Test
    void clientServiceRoutesToThePodsHttpPort() {
        Service client = manifests.all(Service.class).stream()
                .filter(service -> !"None".equals(service.getSpec().getClusterIP())).findFirst().orElseThrow();

        assertThat(client.getSpec().getSelector())
                .isEqualTo(pod.statefulSet().getSpec().getSelector().getMatchLabels());
        assertThat(client.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString("http"));
    }
}
