package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecommenderConfigTest {

    @Test
    void refusesAHistoryLongerThanTheStoresCanCount() {
        assertThatThrownBy(() -> RecommenderConfig.builder().historyLength(RecommenderConfig.MAX_HISTORY_LENGTH + 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("historyLength must be at most " + RecommenderConfig.MAX_HISTORY_LENGTH);
    }

    @Test
    void acceptsTheLongestAllowedHistory() {
        assertThat(RecommenderConfig.builder().historyLength(RecommenderConfig.MAX_HISTORY_LENGTH).build().historyLength())
                .isEqualTo(RecommenderConfig.MAX_HISTORY_LENGTH);
    }

    @Test
    void refusesCentroidsTooLargeForOneCheckpointRow() {
        assertThatThrownBy(() -> RecommenderConfig.builder().dimension(255).candidateClusters(513).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the centroids are one checkpoint row");
        assertThat(RecommenderConfig.builder().dimension(255).candidateClusters(512).build().candidateClusters())
                .isEqualTo(512);
    }
}
