package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

class ItemClustersTest {

    private static final int D = 4;
    private static final int ROWS = 90;

    /** Three well-separated groups of 30 rows each (row % 3), with a little noise; row 7 is free. */
    private final float[][] vectors = blobs();
    private final IntPredicate live = row -> row != 7;
    private final ItemClusters.Vectors reader = (row, out) -> System.arraycopy(vectors[row], 0, out, 0, D + 1);

    @Test
    void rowsOfOneGroupShareAClusterAndAUserOfThatGroupProbesItFirst() {
        ItemClusters clusters = ItemClusters.build(3, D + 1, reader, ROWS, live, 3);

        for (int group = 0; group < 3; group++) {
            int cluster = clusterHolding(clusters, group);
            assertThat(Arrays.stream(rowsOf(clusters, cluster)).map(row -> row % 3).distinct().toArray()).containsExactly(group);
            assertThat(rowsOf(clusters, cluster)).hasSize(group == 1 ? 29 : 30);
            float[] user = Arrays.copyOf(vectors[group], D);
            assertThat(clusters.probe(user, 1)[0]).containsExactly(cluster);
        }
        assertThat(clusters.fresh().isEmpty()).isTrue();
    }

    @Test
    void anAdmittedRowIsFreshUntilTheNextRefresh() {
        ItemClusters clusters = ItemClusters.build(3, D + 1, reader, ROWS, live, 3);
        int cluster = clusterHolding(clusters, 0);

        clusters.admitted(3);
        assertThat(clusters.fresh().stream().toArray()).containsExactly(3);
        assertThat(clusters.segment(cluster).rows()).contains(ItemClusters.LEFT).doesNotContain(3);

        clusters.refresh(reader, ROWS, live);
        assertThat(clusters.fresh().isEmpty()).isTrue();
        assertThat(rowsOf(clusters, clusterHolding(clusters, 0))).contains(3);
    }

    @Test
    void storedClustersRestoreTheSameSegmentsAndProbes() {
        ItemClusters clusters = ItemClusters.build(3, D + 1, reader, ROWS, live, 3);
        clusters.admitted(5);

        ItemClusters restored = ItemClusters.decode(clusters.encodeCentroids(), List.of(clusters.encodeLayout(0)), ROWS,
                live, reader);

        for (int c = 0; c < 3; c++) {
            assertThat(restored.segment(c).rows()).containsExactly(clusters.segment(c).rows());
        }
        assertThat(restored.fresh()).isEqualTo(clusters.fresh());
        float[] users = {1, 0, 0, 0, 0, 1, 0, 0};
        assertThat(restored.probe(users, 2)).isDeepEqualTo(clusters.probe(users, 2));
    }

    private static int[] rowsOf(ItemClusters clusters, int cluster) {
        return Arrays.stream(clusters.segment(cluster).rows()).filter(row -> row != ItemClusters.LEFT).toArray();
    }

    private static int clusterHolding(ItemClusters clusters, int row) {
        for (int c = 0; c < clusters.count(); c++) {
            if (Arrays.stream(clusters.segment(c).rows()).anyMatch(r -> r == row)) {
                return c;
            }
        }
        throw new AssertionError("row " + row + " is in no cluster");
    }

    private static float[][] blobs() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] vectors = new float[ROWS][D + 1];
        for (int row = 0; row < ROWS; row++) {
            vectors[row][row % 3] = 5f;
            for (int t = 0; t <= D; t++) {
                vectors[row][t] += (float) (random.nextDouble() - 0.5) * 0.2f;
            }
        }
        return vectors;
    }
}
