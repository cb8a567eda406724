package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.streamlearn.compute.WorkSharing;

class MiniBatchGradientTest {

    private static final int D = 3;
    private static final int ROWS = 6;

    private final AdagradTable input = new AdagradTable(D, ROWS, false);
    private final AdagradTable output = new AdagradTable(D, ROWS, false);
    private final AdagradTable bias = new AdagradTable(1, ROWS, false);

    /** Two events; one draws a negative twice, one has an item twice in its history, and they share rows. */
    private final MiniBatchGradient.Event[] events = {
        new MiniBatchGradient.Event(new int[] {0, 1}, new float[] {0.7f, 0.3f}, 2, new int[] {3, 3, 4}, 1f),
        new MiniBatchGradient.Event(new int[] {1, 5, 1}, new float[] {0.5f, 0.3f, 0.2f}, 4, new int[] {2, 0}, 0.5f),
    };

    MiniBatchGradientTest() {
        SplittableRandom random = new SplittableRandom(7);
        for (int row = 0; row < ROWS; row++) {
            input.reset(row, randomRow(random, D));
            output.reset(row, randomRow(random, D));
            bias.reset(row, randomRow(random, 1));
        }
    }

    @Test
    void matchesFiniteDifferencesOfTheSampledSoftmaxLoss() {
        MiniBatchGradient gradient = MiniBatchGradient.compute(events, input, output, bias,
                new MiniBatchGradient.Workspace(), WorkSharing.CALLER_ONLY);

        assertThat(gradient.historyRows()).containsExactly(0, 1, 5);
        assertThat(gradient.candidateRows()).containsExactly(2, 3, 4, 0);
        for (int i = 0; i < gradient.historyRows().length; i++) {
            for (int j = 0; j < D; j++) {
                assertThat(gradient.input()[i * D + j])
                        .isCloseTo((float) numericGradient(input, gradient.historyRows()[i], j, D), within(1e-3f));
            }
        }
        for (int i = 0; i < gradient.candidateRows().length; i++) {
            int row = gradient.candidateRows()[i];
            for (int j = 0; j < D; j++) {
                assertThat(gradient.output()[i * D + j]).isCloseTo((float) numericGradient(output, row, j, D), within(1e-3f));
            }
            assertThat(gradient.bias()[i]).isCloseTo((float) numericGradient(bias, row, 0, 1), within(1e-3f));
        }
    }

    @Test
    void reusedWorkspaceGivesTheSameGradients() {
        MiniBatchGradient.Workspace workspace = new MiniBatchGradient.Workspace();
        float[] first = MiniBatchGradient.compute(events, input, output, bias, workspace, WorkSharing.CALLER_ONLY).output().clone();

        MiniBatchGradient second = MiniBatchGradient.compute(events, input, output, bias, workspace, WorkSharing.CALLER_ONLY);

        assertThat(Arrays.copyOf(second.output(), first.length)).containsExactly(first);
    }

    @Test
    void helperThreadsComputeExactlyTheCallersGradients() {
        SplittableRandom random = new SplittableRandom(3);
        MiniBatchGradient.Event[] many = new MiniBatchGradient.Event[50];
        for (int e = 0; e < many.length; e++) {
            many[e] = new MiniBatchGradient.Event(new int[] {random.nextInt(ROWS), random.nextInt(ROWS)},
                    new float[] {0.6f, 0.4f}, random.nextInt(ROWS), new int[] {random.nextInt(ROWS), random.nextInt(ROWS)}, 1f);
        }
        MiniBatchGradient alone = MiniBatchGradient.compute(many, input, output, bias,
                new MiniBatchGradient.Workspace(), WorkSharing.CALLER_ONLY);
        try (WorkSharing helpers = WorkSharing.withHelpers(3)) {
            MiniBatchGradient helped = MiniBatchGradient.compute(many, input, output, bias,
                    new MiniBatchGradient.Workspace(), helpers);

            assertThat(helped.candidateRows()).containsExactly(alone.candidateRows());
            assertThat(Arrays.copyOf(helped.output(), ROWS * D)).containsExactly(Arrays.copyOf(alone.output(), ROWS * D));
            assertThat(Arrays.copyOf(helped.input(), ROWS * D)).containsExactly(Arrays.copyOf(alone.input(), ROWS * D));
            assertThat(Arrays.copyOf(helped.bias(), ROWS)).containsExactly(Arrays.copyOf(alone.bias(), ROWS));
        }
    }

    private double numericGradient(AdagradTable table, int row, int column, int width) {
        float[] values = new float[width];
        table.copyRow(row, values, 0);
        float saved = values[column];
        double step = 1e-2;
        values[column] = (float) (saved + step);
        table.reset(row, values);
        double plus = loss();
        values[column] = (float) (saved - step);
        table.reset(row, values);
        double minus = loss();
        values[column] = saved;
        table.reset(row, values);
        return (plus - minus) / (2 * step);
    }

    /** Σ_e −w_e log(e^{z_positive} / Σ_draws e^{z}), in double. */
    private double loss() {
        double total = 0;
        for (MiniBatchGradient.Event event : events) {
            double[] h = new double[D];
            float[] row = new float[D];
            for (int p = 0; p < event.historyRows().length; p++) {
                input.copyRow(event.historyRows()[p], row, 0);
                for (int j = 0; j < D; j++) {
                    h[j] += event.historyWeights()[p] * row[j];
                }
            }
            double positive = logit(h, event.positive());
            double sum = Math.exp(positive);
            for (int negative : event.negatives()) {
                sum += Math.exp(logit(h, negative));
            }
            total += -event.weight() * (positive - Math.log(sum));
        }
        return total;
    }

    private double logit(double[] h, int candidate) {
        float[] q = new float[D];
        float[] b = new float[1];
        output.copyRow(candidate, q, 0);
        bias.copyRow(candidate, b, 0);
        double z = b[0];
        for (int j = 0; j < D; j++) {
            z += h[j] * q[j];
        }
        return z;
    }

    private static float[] randomRow(SplittableRandom random, int width) {
        float[] row = new float[width];
        for (int j = 0; j < width; j++) {
            row[j] = (float) (random.nextDouble() - 0.5);
        }
        return row;
    }
}
