package io.streamlearn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Helm cannot read files outside the chart, so the chart carries a copy of topics/ under
 * files/topics/. The copy must be byte-identical: to change a topic, edit topics/ and run
 * {@code cp topics/*.yaml helm/streamlearn/files/topics/} (README of the chart, "Topics").
 */
class TopicFilesAreInSyncTest {

    @Test
    void chartCopyHasExactlyTheTopicFilesOfTopicsDirectory() {
        assertThat(TopicFiles.in(TopicFiles.CHART_COPY).keySet())
                .as("helm/streamlearn/files/topics/ vs topics/ — copy with: cp topics/*.yaml helm/streamlearn/files/topics/")
                .isEqualTo(TopicFiles.in(TopicFiles.SOURCE).keySet());
    }

    @Test
    void everyChartCopyIsByteIdenticalToItsSource() throws IOException {
        for (Map.Entry<String, Path> source : TopicFiles.in(TopicFiles.SOURCE).entrySet()) {
            Path copy = TopicFiles.CHART_COPY.resolve(source.getValue().getFileName());
            assertThat(Files.exists(copy)).as("missing copy %s", copy).isTrue();
            assertThat(Files.mismatch(source.getValue(), copy))
                    .as("%s differs from %s — copy with: cp topics/*.yaml helm/streamlearn/files/topics/",
                            copy, source.getValue())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void packagedTopicCatalogListsEveryTopicFile() {
        assertThat(io.streamlearn.kafka.TopicCatalog.FILES)
                .as("the service creates topics from TopicCatalog.FILES; a file it does not list is never created")
                .containsExactlyInAnyOrderElementsOf(TopicFiles.in(TopicFiles.SOURCE).keySet());
    }
}
