package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
                TopK.Selection selection = new TopK.Selection(k);
                selection.offer(scores, 7, biases, rows, 0, r -> ok[r]);
                TopK.Candidates best = selection.drainBestFirst();

                assertThat(best.rows()).containsExactly(bruteForce(scores, 7, biases, rows, k, ok));
                for (int i = 0; i < best.rows().length; i++) {
                    assertThat(best.logits()[i]).isEqualTo(scores[7 + best.rows()[i]] + biases[best.rows()[i]]);
                }
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

        TopK.Selection selection = new TopK.Selection(10);
        selection.offer(scores, 0, new float[scores.length], scores.length, 0, everyThirdSeen);
        TopK.Candidates best = selection.drainBestFirst();

        assertThat(best.rows()).hasSize(10);
        // In random order about k·ln(rows/k) rows ever beat the k-th best so far: ~70 of 10,000.
        assertThat(lookups.get()).isLessThan(scores.length / 20);
    }

    @Test
    void selectingOverConsecutiveRangesInOneSelectionOrInSeveralMergedEqualsOneSelectionOverAll() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(300);
            float[] scores = new float[rows];
            float[] noBias = new float[rows];
            boolean[] ok = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                scores[r] = random.nextInt(40) / 10f; // many ties, also across ranges
                ok[r] = random.nextDouble() < 0.6;
            }
            int k = 1 + random.nextInt(12);
            int perRange = 1 + random.nextInt(rows);
            int ranges = (rows + perRange - 1) / perRange;
            TopK.Candidates[] selections = new TopK.Candidates[ranges];
            TopK.Selection continued = new TopK.Selection(k);
            for (int range = 0; range < ranges; range++) {
                int first = range * perRange;
                int length = Math.min(rows, first + perRange) - first;
                float[] part = Arrays.copyOfRange(scores, first, first + length);
                TopK.Selection selection = new TopK.Selection(k);
                selection.offer(part, 0, noBias, length, first, r -> ok[r]);
                selections[range] = selection.drainBestFirst();
                continued.offer(part, 0, noBias, length, first, r -> ok[r]);
            }

            TopK.Candidates merged = TopK.mergeBestFirst(selections, k);

            int[] expected = bruteForce(scores, 0, noBias, rows, k, ok);
            assertThat(merged.rows()).containsExactly(expected);
            assertThat(continued.drainBestFirst().rows()).containsExactly(expected);
            for (int i = 0; i < merged.rows().length; i++) {
                assertThat(merged.logits()[i]).isEqualTo(scores[merged.rows()[i]]);
            }
        }
    }

    @Test
    void rowsOfferedInAnyOrderAreSelectedAsInOneAscendingPass() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 100; trial++) {
            int rows = 1 + random.nextInt(300);
            float[] scores = new float[rows];
            float[] biases = new float[rows];
            boolean[] ok = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                scores[r] = random.nextInt(20) / 10f; // many ties
                biases[r] = random.nextInt(3) / 10f;
                ok[r] = random.nextDouble() < 0.8;
            }
            int[] shuffled = IntStream.range(0, rows).toArray();
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int row = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = row;
            }
            float[] shuffledScores = new float[rows];
            float[] shuffledBiases = new float[rows];
            for (int i = 0; i < rows; i++) {
                shuffledScores[i] = scores[shuffled[i]];
                shuffledBiases[i] = biases[shuffled[i]];
            }
            int k = 1 + random.nextInt(12);
            TopK.Selection selection = new TopK.Selection(k);
            int half = rows / 2;
            selection.offerRows(shuffledScores, 0, 1, shuffledBiases, shuffled, half, r -> ok[r]);
            selection.offerRows(shuffledScores, half, 1, Arrays.copyOfRange(shuffledBiases, half, rows),
                    Arrays.copyOfRange(shuffled, half, rows), rows - half, r -> ok[r]);

            assertThat(selection.drainBestFirst().rows()).containsExactly(bruteForce(scores, 0, biases, rows, k, ok));
        }
    }

    private static int[] bruteForce(float[] scores, int offset, float[] biases, int rows, int k, boolean[] ok) {
        return IntStream.range(0, rows).filter(r -> ok[r]).boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> -(scores[offset + r] + biases[r])).thenComparingInt(r -> r))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
