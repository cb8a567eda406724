package io.streamlearn.recommend;

import java.util.Arrays;

import io.streamlearn.compute.WorkSharing;

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

    /** Events per part of the forward pass shared with helper threads: small enough to spread a batch of 64. */
    private static final int EVENTS_PER_PART = 16;

    /**
     * @param sharing helpers for the forward pass (each event's user vector, candidate rows and
     *        softmax), which only reads the tables; the sums per row are then taken in event order
     *        on the calling thread, so the result is the same with any number of helpers
     */
    static MiniBatchGradient compute(Event[] events, AdagradTable input, AdagradTable output, AdagradTable bias,
            Workspace workspace, WorkSharing sharing) {
        int d = input.width();
        int[] firstDraws = new int[events.length + 1];
        int historyDraws = 0;
        for (int e = 0; e < events.length; e++) {
            historyDraws += events[e].historyRows().length;
            firstDraws[e + 1] = firstDraws[e] + 1 + events[e].negatives().length;
        }
        int candidateDraws = firstDraws[events.length];
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
        Forward forward = new Forward(workspace.users.zeroed(events.length * d),
                workspace.candidates.atLeast(candidateDraws * d), workspace.gradients.atLeast(candidateDraws), firstDraws, d);
        int parts = (events.length + EVENTS_PER_PART - 1) / EVENTS_PER_PART;
        sharing.run(parts, part -> {
            for (int e = part * EVENTS_PER_PART; e < Math.min(events.length, (part + 1) * EVENTS_PER_PART); e++) {
                forward.event(e, events[e], input, output, bias);
            }
        });
        float[] inputGradient = workspace.input.zeroed(history.size() * d);
        float[] outputGradient = workspace.output.zeroed(candidates.size() * d);
        float[] biasGradient = workspace.bias.zeroed(candidates.size());
        float[] userGradient = new float[d];
        h = 0;
        for (int e = 0; e < events.length; e++) {
            accumulateCandidates(forward, e, candidateColumns, outputGradient, biasGradient, userGradient);
            accumulateHistory(events[e], userGradient, historyColumns, h, inputGradient, d);
            h += events[e].historyRows().length;
        }
        return new MiniBatchGradient(history.rows(), inputGradient, candidates.rows(), outputGradient, biasGradient);
    }

    /** The batch's arrays, reused from batch to batch ({@link ScratchArray}); one per model, used under its write lock. */
    static final class Workspace {
        private final ScratchArray input = new ScratchArray();
        private final ScratchArray output = new ScratchArray();
        private final ScratchArray bias = new ScratchArray();
        private final ScratchArray users = new ScratchArray();
        private final ScratchArray candidates = new ScratchArray();
        private final ScratchArray gradients = new ScratchArray();
    }

    /** ∂Q[c] += g_c h and ∂b[c] += g_c for each draw of event {@code e}; ∂h = Σ_c g_c Q[c] into the last argument. */
    private static void accumulateCandidates(Forward forward, int e, int[] columns, float[] outputGradient,
            float[] biasGradient, float[] userGradient) {
        int d = forward.d;
        int user = e * d;
        Arrays.fill(userGradient, 0f);
        for (int c = forward.firstDraws[e]; c < forward.firstDraws[e + 1]; c++) {
            int column = columns[c];
            float g = forward.gradients[c];
            biasGradient[column] += g;
            int out = column * d;
            int q = c * d;
            for (int j = 0; j < d; j++) {
                outputGradient[out + j] += g * forward.users[user + j];
                userGradient[j] += g * forward.candidates[q + j];
            }
        }
    }

    /** ∂P[j_p] += a_p ∂h for each history position. */
    private static void accumulateHistory(Event event, float[] userGradient, int[] columns, int firstDraw,
            float[] inputGradient, int d) {
        for (int p = 0; p < event.historyRows().length; p++) {
            int in = columns[firstDraw + p] * d;
            float a = event.historyWeights()[p];
            for (int j = 0; j < d; j++) {
                inputGradient[in + j] += a * userGradient[j];
            }
        }
    }

    /**
     * The forward pass of every event, each into its own slots: its user vector (row {@code e} of
     * {@code users}), its draws' output rows and their g_c (from {@code firstDraws[e]} on). Events
     * write disjoint slots and only read the tables, so they may be computed on any thread.
     */
    private record Forward(float[] users, float[] candidates, float[] gradients, int[] firstDraws, int d) {

        void event(int e, Event event, AdagradTable input, AdagradTable output, AdagradTable bias) {
            for (int p = 0; p < event.historyRows().length; p++) {
                input.addWeightedRow(event.historyRows()[p], event.historyWeights()[p], users, e * d);
            }
            int first = firstDraws[e];
            int draws = firstDraws[e + 1] - first;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < draws; c++) {
                int row = c == 0 ? event.positive() : event.negatives()[c - 1];
                int q = (first + c) * d;
                output.copyRow(row, candidates, q);
                bias.copyRow(row, gradients, first + c);
                float logit = gradients[first + c];
                for (int j = 0; j < d; j++) {
                    logit += users[e * d + j] * candidates[q + j];
                }
                gradients[first + c] = logit;
                max = Math.max(max, logit);
            }
            double total = 0;
            for (int c = first; c < first + draws; c++) {
                gradients[c] = (float) Math.exp(gradients[c] - max);
                total += gradients[c];
            }
            float weight = event.weight();
            for (int c = first; c < first + draws; c++) {
                gradients[c] = (float) (weight * gradients[c] / total);
            }
            gradients[first] -= weight;
        }
    }
}
