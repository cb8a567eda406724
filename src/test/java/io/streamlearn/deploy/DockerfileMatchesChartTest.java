package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * No container engine runs here, so the image is checked by reading src/main/docker/Dockerfile.jvm:
 * every fact the chart takes for granted about the image must hold there.
 */
class DockerfileMatchesChartTest {

    private final Dockerfile dockerfile = Dockerfile.read(Dockerfile.JVM);
    private final StreamlearnPod pod = StreamlearnPod.of(ChartRenderer.manifests(null));

    @Test
    void imageRunsAsTheNonRootUserTheChartDeclares() {
        String user = dockerfile.last("USER");

        assertThat(user).matches("\\d+(:\\d+)?").as("numeric, so Kubernetes can verify runAsNonRoot");
        assertThat(Long.parseLong(user.split(":")[0]))
                .isNotZero()
                .isEqualTo(pod.spec().getSecurityContext().getRunAsUser());
    }

    @Test
    void imageExposesTheChartsContainerPort() {
        assertThat(dockerfile.all("EXPOSE")).contains(
                String.valueOf(pod.container().getPorts().get(0).getContainerPort()));
    }

    @Test
    void stateAndNativesCacheLiveInTheVolumeTheChartMountsItsClaimOn() {
        String volume = dockerfile.last("VOLUME");

        assertThat(volume).isEqualTo(pod.mount("data").getMountPath());
        assertThat(dockerfile.env().get("KAFKA_STREAMS_STATE_DIR")).isEqualTo(pod.envValue("KAFKA_STREAMS_STATE_DIR"));
        assertThat(dockerfile.env().get("JAVA_TOOL_OPTIONS"))
                .contains("-Dorg.bytedeco.javacpp.cachedir=" + volume + "/javacpp");
        assertThat(dockerfile.all("RUN")).anySatisfy(run -> assertThat(run)
                .contains("chown -R 185:0 " + volume).contains("mkdir -p").contains(volume + "/kafka-streams"));
    }

    @Test
    void imageHeapSettingMatchesTheChartsSoTheyLeaveTheSameRoomForNd4j() {
        assertThat(dockerfile.env().get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=30");
        assertThat(pod.envValue("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=30");
    }

    @Test
    void quarkusReadsTheChartsConfigMapFromItsWorkingDirectory() {
        assertThat(pod.mount("config").getMountPath()).isEqualTo(dockerfile.last("WORKDIR") + "/config");
    }

    @Test
    void entrypointStartsTheQuarkusFastJarCopiedFromTheBuild() {
        assertThat(dockerfile.last("ENTRYPOINT")).isEqualTo("[\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]");
        assertThat(dockerfile.all("COPY")).contains(
                "--chown=185:0 target/quarkus-app/lib/ /deployments/lib/",
                "--chown=185:0 target/quarkus-app/*.jar /deployments/",
                "--chown=185:0 target/quarkus-app/app/ /deployments/app/",
                "--chown=185:0 target/quarkus-app/quarkus/ /deployments/quarkus/");
    }

    @Test
    void baseImageIsAJava17Runtime() {
        assertThat(dockerfile.all("FROM")).hasSize(1);
        assertThat(dockerfile.last("FROM")).isEqualTo("eclipse-temurin:17-jre");
    }
}
