package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void equalsAFullSortOfEligibleRowsWhateverShareIsEligible() {
        SplittableRandom random = new SplittableRandom(3);
        for (double eligibleShare : new double[] {1.0, 0.7, 0.2, 0.01, 0.0}) {
            for (int trial = 0; trial < 50; trial++) {
                int rows = random.nextInt(400);
                float[] scores = new float[rows + 7];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = random.nextInt(50) / 10f; // many ties
                }
                boolean[] ok = new boolean[rows];
                for (int r = 0; r < rows; r++) {
                    ok[r] = random.nextDouble() < eligibleShare;
                }
                float[] biases = new float[rows];
                for (int r = 0; r < rows; r++) {
                    biases[r] = random.nextInt(3) / 10f;
                }
                int k = 1 + random.nextInt(12);
                assertThat(TopK.select(scores, 7, biases, rows, k, r -> ok[r]))
                        .containsExactly(bruteForce(scores, 7, biases, rows, k, ok));
            }
        }
    }

    @Test
    void testsEligibilityOnlyForRowsThatWouldEnterTheTopK() {
        float[] scores = new float[10_000];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) random.nextDouble();
        }
        AtomicInteger lookups = new AtomicInteger();
        IntPredicate everyThirdSeen = row -> lookups.incrementAndGet() > 0 && row % 3 != 0;

        int[] best = TopK.select(scores, 0, new float[scores.length], scores.length, 10, everyThirdSeen);

        assertThat(best).hasSize(10);
        // In random order about k·ln(rows/k) rows ever beat the k-th best so far: ~70 of 10,000.
        assertThat(lookups.get()).isLessThan(scores.length / 20);
    }

    private static int[] bruteForce(float[] scores, int offset, float[] biases, int rows, int k, boolean[] ok) {
        return IntStream.range(0, rows).filter(r -> ok[r]).boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> -(scores[offset + r] + biases[r])).thenComparingInt(r -> r))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
