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
        for (Event event : events) {
            for (int row : event.historyRows()) {
                history.columnOf(row);
            }
            candidates.columnOf(event.positive());
            for (int row : event.negatives()) {
                candidates.columnOf(row);
            }
        }
        float[] inputGradient = workspace.zeroed(0, history.size() * d);
        float[] outputGradient = workspace.zeroed(1, candidates.size() * d);
        float[] biasGradient = workspace.zeroed(2, candidates.size());
        EventScratch scratch = new EventScratch(d);
        for (Event event : events) {
            scratch.userVector(event, input);
            scratch.candidateGradients(event, output, bias);
            accumulateCandidates(event, scratch, candidates, outputGradient, biasGradient, d);
            accumulateHistory(event, scratch, history, inputGradient, d);
        }
        return new MiniBatchGradient(history.rows(), inputGradient, candidates.rows(), outputGradient, biasGradient);
    }

    /**
     * The gradient arrays, reused from batch to batch (each is hundreds of KB, allocated outside the
     * young generation by the garbage collector); only their first {@code rows × width} values are
     * a batch's. One per model, used under its write lock.
     */
    static final class Workspace {
        private final float[][] arrays = {new float[0], new float[0], new float[0]};

        float[] zeroed(int which, int length) {
            if (arrays[which].length < length) {
                arrays[which] = new float[Math.max(length, arrays[which].length * 2)];
            } else {
                Arrays.fill(arrays[which], 0, length, 0f);
            }
            return arrays[which];
        }
    }

    /** ∂Q[c] += g_c h and ∂b[c] += g_c for each draw; ∂h = Σ_c g_c Q[c] into the scratch. */
    private static void accumulateCandidates(Event event, EventScratch scratch, RowColumns candidates,
            float[] outputGradient, float[] biasGradient, int d) {
        Arrays.fill(scratch.userGradient, 0f);
        for (int c = 0; c < scratch.draws; c++) {
            int column = candidates.columnOf(c == 0 ? event.positive() : event.negatives()[c - 1]);
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
    private static void accumulateHistory(Event event, EventScratch scratch, RowColumns history, float[] inputGradient,
            int d) {
        for (int p = 0; p < event.historyRows().length; p++) {
            int in = history.columnOf(event.historyRows()[p]) * d;
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
