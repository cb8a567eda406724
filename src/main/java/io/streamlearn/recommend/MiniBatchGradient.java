package io.streamlearn.recommend;

import java.util.Arrays;

/**
 * Gradients of one mini-batch's sampled-softmax loss with respect to the rows it touches, summed
 * per row over the batch's events. Each event only involves its own history rows and its own
 * candidates (the positive and its sampled negatives), so the gradient is computed event by event
 * on those rows alone:
 *
 * <pre>
 *   h = Σ_p a_p P[j_p]                       a_p: position weight of history item j_p
 *   z_c = h · Q[c] + b[c]                    for each candidate draw c (the positive first)
 *   g_c = w (e^z_c / Σ_c' e^z_c' − [c is the positive])
 *   ∂Q[c] += g_c h    ∂b[c] += g_c    ∂P[j_p] += a_p Σ_c g_c Q[c]
 * </pre>
 *
 * A candidate drawn twice counts twice in the softmax, as sampling with replacement means. Every
 * gradient is taken at the parameters before the batch, and applied once per row afterwards. A
 * dense formulation (every event against every candidate of the batch, as matrix products) did
 * tens of times this arithmetic, plus copies into and out of ND4J.
 *
 * <p>{@code input}, {@code output} and {@code bias} hold the gradients of {@code historyRows} and
 * {@code candidateRows} in their first rows × width values, and may be longer ({@link Workspace}).
 */
record MiniBatchGradient(int[] historyRows, float[] input, int[] candidateRows, float[] output, float[] bias) {
    /** One event of the batch, already mapped to rows. */
    record Event(int[] historyRows, float[] historyWeights, int positive, int[] negatives, float weight) {
    }

    static MiniBatchGradient compute(Event[] events, AdagradTable input, AdagradTable output, AdagradTable bias,
            Workspace workspace) {
        int d = input.width();
        int historyDraws = 0;
        int candidateDraws = 0;
        for (Event event : events) {
            historyDraws += event.historyRows().length;
            candidateDraws += 1 + event.negatives().length;
        }
        RowColumns history = new RowColumns(historyDraws);
        RowColumns candidates = new RowColumns(candidateDraws);
        // Each draw's column, in draw order: assigned once here, read by the accumulation below.
        int[] historyColumns = new int[historyDraws];
        int[] candidateColumns = new int[candidateDraws];
        int h = 0;
        int c = 0;
        for (Event event : events) {
            for (int row : event.historyRows()) {
                historyColumns[h++] = history.columnOf(row);
            }
            candidateColumns[c++] = candidates.columnOf(event.positive());
            for (int row : event.negatives()) {
                candidateColumns[c++] = candidates.columnOf(row);
            }
        }
        float[] inputGradient = workspace.input.zeroed(history.size() * d);
        float[] outputGradient = workspace.output.zeroed(candidates.size() * d);
        float[] biasGradient = workspace.bias.zeroed(candidates.size());
        EventScratch scratch = new EventScratch(d);
        h = 0;
        c = 0;
        for (Event event : events) {
            scratch.userVector(event, input);
            scratch.candidateGradients(event, output, bias);
            accumulateCandidates(scratch, candidateColumns, c, outputGradient, biasGradient, d);
            accumulateHistory(event, scratch, historyColumns, h, inputGradient, d);
            c += scratch.draws;
            h += event.historyRows().length;
        }
        return new MiniBatchGradient(history.rows(), inputGradient, candidates.rows(), outputGradient, biasGradient);
    }

    /** The gradient arrays, reused from batch to batch ({@link ScratchArray}); one per model, used under its write lock. */
    static final class Workspace {
        private final ScratchArray input = new ScratchArray();
        private final ScratchArray output = new ScratchArray();
        private final ScratchArray bias = new ScratchArray();
    }

    /** ∂Q[c] += g_c h and ∂b[c] += g_c for each draw; ∂h = Σ_c g_c Q[c] into the scratch. */
    private static void accumulateCandidates(EventScratch scratch, int[] columns, int firstDraw,
            float[] outputGradient, float[] biasGradient, int d) {
        Arrays.fill(scratch.userGradient, 0f);
        for (int c = 0; c < scratch.draws; c++) {
            int column = columns[firstDraw + c];
            float g = scratch.gradients[c];
            biasGradient[column] += g;
            int out = column * d;
            int q = c * d;
            for (int j = 0; j < d; j++) {
                outputGradient[out + j] += g * scratch.user[j];
                scratch.userGradient[j] += g * scratch.candidates[q + j];
            }
        }
    }

    /** ∂P[j_p] += a_p ∂h for each history position. */
    private static void accumulateHistory(Event event, EventScratch scratch, int[] columns, int firstDraw,
            float[] inputGradient, int d) {
        for (int p = 0; p < event.historyRows().length; p++) {
            int in = columns[firstDraw + p] * d;
            float a = event.historyWeights()[p];
            for (int j = 0; j < d; j++) {
                inputGradient[in + j] += a * scratch.userGradient[j];
            }
        }
    }

    /** Per-event working arrays, reused across the batch's events. */
    private static final class EventScratch {
        private final int d;
        private final float[] user;
        private final float[] userGradient;
        private float[] candidates = new float[0];
        private float[] gradients = new float[0];
        private final float[] biasValue = new float[1];
        private int draws;

        EventScratch(int d) {
            this.d = d;
            this.user = new float[d];
            this.userGradient = new float[d];
        }

        void userVector(Event event, AdagradTable input) {
            Arrays.fill(user, 0f);
            for (int p = 0; p < event.historyRows().length; p++) {
                input.addWeightedRow(event.historyRows()[p], event.historyWeights()[p], user, 0);
            }
        }

        /** Reads the draws' output rows and computes g_c for each. */
        void candidateGradients(Event event, AdagradTable output, AdagradTable bias) {
            draws = 1 + event.negatives().length;
            if (gradients.length < draws) {
                gradients = new float[draws];
                candidates = new float[draws * d];
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < draws; c++) {
                int row = c == 0 ? event.positive() : event.negatives()[c - 1];
                output.copyRow(row, candidates, c * d);
                bias.copyRow(row, biasValue, 0);
                float logit = biasValue[0];
                for (int j = 0; j < d; j++) {
                    logit += user[j] * candidates[c * d + j];
                }
                gradients[c] = logit;
                max = Math.max(max, logit);
            }
            double total = 0;
            for (int c = 0; c < draws; c++) {
                gradients[c] = (float) Math.exp(gradients[c] - max);
                total += gradients[c];
            }
            float weight = event.weight();
            for (int c = 0; c < draws; c++) {
                gradients[c] = (float) (weight * gradients[c] / total);
            }
            gradients[0] -= weight;
        }
    }
}
