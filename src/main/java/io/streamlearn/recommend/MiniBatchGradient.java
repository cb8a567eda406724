package io.streamlearn.recommend;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import io.streamlearn.learn.DenseTransfer;

/**
 * Gradients of one mini-batch's sampled-softmax loss with respect to the rows it touches. The batch
 * is laid out densely over its unique rows so that the heavy part is a handful of matrix products:
 *
 * <pre>
 *   H = A · P[U]                 A[e,u] = position weight of history item u for event e
 *   Z = H · Q[V]ᵀ + b[V]         every event against every candidate row of the batch
 *   G[e,c] = w_e (N[e,c] · e^Z[e,c] / Σ_c' N[e,c'] e^Z[e,c'] − [c = positive of e])
 *            N[e,c]: how often c is among e's candidates (the positive and its sampled negatives)
 *   ∂Q[V] = Gᵀ·H    ∂b[V] = Σ_e G[e,·]    ∂P[U] = Aᵀ·(G·Q[V])
 * </pre>
 */
record MiniBatchGradient(int[] historyRows, float[] input, int[] candidateRows, float[] output, float[] bias) {

    /** One event of the batch, already mapped to rows. */
    record Event(int[] historyRows, float[] historyWeights, int positive, int[] negatives, float weight) {
    }

    static MiniBatchGradient compute(Event[] events, AdagradTable input, AdagradTable output, AdagradTable bias) {
        Map<Integer, Integer> historyColumns = new LinkedHashMap<>();
        Map<Integer, Integer> candidateColumns = new LinkedHashMap<>();
        for (Event event : events) {
            for (int row : event.historyRows()) {
                historyColumns.putIfAbsent(row, historyColumns.size());
            }
            candidateColumns.putIfAbsent(event.positive(), candidateColumns.size());
            for (int row : event.negatives()) {
                candidateColumns.putIfAbsent(row, candidateColumns.size());
            }
        }
        int b = events.length;
        int u = historyColumns.size();
        int v = candidateColumns.size();
        int[] historyRows = keys(historyColumns);
        int[] candidateRows = keys(candidateColumns);

        float[] positionWeights = new float[b * Math.max(u, 1)];
        float[] counts = new float[b * v];
        for (int e = 0; e < b; e++) {
            Event event = events[e];
            for (int p = 0; p < event.historyRows().length; p++) {
                positionWeights[e * u + historyColumns.get(event.historyRows()[p])] += event.historyWeights()[p];
            }
            counts[e * v + candidateColumns.get(event.positive())] += 1f;
            for (int row : event.negatives()) {
                counts[e * v + candidateColumns.get(row)] += 1f;
            }
        }

        INDArray a = u == 0 ? null : DenseTransfer.matrix(positionWeights, b, u);
        INDArray q = output.gather(candidateRows);
        INDArray h = u == 0 ? Nd4j.zeros(q.dataType(), b, q.size(1)) : a.mmul(input.gather(historyRows));
        INDArray logits = h.mmul(q.transpose()).addiRowVector(bias.gather(candidateRows).reshape(1, v));
        float[] g = softmaxGradient(DenseTransfer.values(logits), counts, events, candidateColumns, v);

        INDArray gradient = DenseTransfer.matrix(g, b, v);
        float[] outputGradient = DenseTransfer.values(gradient.transpose().mmul(h));
        float[] biasGradient = DenseTransfer.values(gradient.sum(0));
        float[] inputGradient = u == 0 ? new float[0] : DenseTransfer.values(a.transpose().mmul(gradient.mmul(q)));
        return new MiniBatchGradient(historyRows, inputGradient, candidateRows, outputGradient, biasGradient);
    }

    private static float[] softmaxGradient(float[] logits, float[] counts, Event[] events,
            Map<Integer, Integer> candidateColumns, int v) {
        float[] g = new float[logits.length];
        for (int e = 0; e < events.length; e++) {
            int base = e * v;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < v; c++) {
                if (counts[base + c] > 0 && logits[base + c] > max) {
                    max = logits[base + c];
                }
            }
            double total = 0;
            for (int c = 0; c < v; c++) {
                if (counts[base + c] > 0) {
                    g[base + c] = (float) (counts[base + c] * Math.exp(logits[base + c] - max));
                    total += g[base + c];
                }
            }
            float weight = events[e].weight();
            for (int c = 0; c < v; c++) {
                g[base + c] = (float) (weight * g[base + c] / total);
            }
            g[base + candidateColumns.get(events[e].positive())] -= weight;
        }
        return g;
    }

    private static int[] keys(Map<Integer, Integer> columns) {
        return columns.keySet().stream().mapToInt(Integer::intValue).toArray();
    }
}
