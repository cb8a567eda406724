package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The README's install examples (helm/streamlearn/examples/*.yaml) render into valid objects. */
class ExampleValuesRenderTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(ChartRenderer.CHART.resolve("examples")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleValuesRenderAStatefulSetConnectedToAnExternalCluster(Path values) {
        RenderedManifests manifests = RenderedManifests.parse(ChartRenderer.renderValuesAt(values, Map.of()));
        StreamlearnPod pod = StreamlearnPod.of(manifests);

        assertThat(manifests.all(StatefulSet.class)).hasSize(1);
        assertThat(pod.envValue("KAFKA_BOOTSTRAP_SERVERS")).matches("[a-z0-9.-]+\\.svc:\\d+")
                .isNotEqualTo("my-cluster-kafka-bootstrap:9092");
    }
}
