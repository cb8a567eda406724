package io.streamlearn.intent;

import org.nd4j.linalg.api.ndarray.INDArray;

import io.streamlearn.learn.DenseTransfer;

/**
 * Forward and backward pass of one mini-batch through embedding bag → softmax, computed from the
 * parameters before the update:
 *
 * <pre>
 *   H[e] = Σ_f w_ef E[f]                 (sparse: the message's feature rows)
 *   Z = H · Wᵀ + b                       P = softmax(Z)        G = P − Y
 *   ∂W = Gᵀ · H     ∂b = Σ_e G[e,·]     ∂H = G · W            ∂E[f] = Σ_e w_ef ∂H[e]
 * </pre>
 *
 * The dense products run in ND4J; the sparse gather and scatter of feature rows run over plain
 * arrays, because a batch touches thousands of scattered rows.
 *
 * @param featureRows the distinct feature rows the batch touched
 * @param featureGradient their gradients, featureRows.length × width
 * @param outputGradient labels × width
 * @param biasGradient labels
 * @param bestProbability each example's highest class probability before the update
 */
record SoftmaxGradient(int[] featureRows, float[] featureGradient, float[] outputGradient, float[] biasGradient,
        float[] bestProbability) {

    static SoftmaxGradient compute(FeatureVector[] messages, int[] labels, FeatureTable features,
            OutputLayer output, int labelCount, int[] scratchPositions) {
        int b = messages.length;
        int width = features.width();
        float[] h = new float[b * width];
        for (int e = 0; e < b; e++) {
            features.bag(messages[e], h, e * width);
        }
        INDArray hidden = DenseTransfer.matrix(h, b, width);
        INDArray weights = output.head(labelCount);
        float[] logits = DenseTransfer.values(hidden.mmul(weights.transpose()));
        float[] best = new float[b];
        float[] g = new float[b * labelCount];
        for (int e = 0; e < b; e++) {
            best[e] = softmaxMinusTarget(logits, g, e * labelCount, labelCount, labels[e], output);
        }
        INDArray gradient = DenseTransfer.matrix(g, b, labelCount);
        float[] outputGradient = DenseTransfer.values(gradient.transpose().mmul(hidden));
        float[] biasGradient = DenseTransfer.values(gradient.sum(0));
        float[] hiddenGradient = DenseTransfer.values(gradient.mmul(weights));
        return scatter(messages, hiddenGradient, width, outputGradient, biasGradient, best, scratchPositions);
    }

    /** Writes P − Y for one example into {@code g}; returns the highest probability. */
    private static float softmaxMinusTarget(float[] logits, float[] g, int base, int labelCount, int label,
            OutputLayer output) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < labelCount; c++) {
            logits[base + c] += output.bias(c);
            max = Math.max(max, logits[base + c]);
        }
        double total = 0;
        for (int c = 0; c < labelCount; c++) {
            double value = Math.exp(logits[base + c] - max);
            g[base + c] = (float) value;
            total += value;
        }
        float best = 0;
        for (int c = 0; c < labelCount; c++) {
            g[base + c] = (float) (g[base + c] / total);
            best = Math.max(best, g[base + c]);
        }
        g[base + label] -= 1f;
        return best;
    }

    /** Sums ∂H into the distinct feature rows. {@code positions} is a bucket-sized table of −1s, restored on exit. */
    private static SoftmaxGradient scatter(FeatureVector[] messages, float[] hiddenGradient, int width,
            float[] outputGradient, float[] biasGradient, float[] best, int[] positions) {
        int distinct = 0;
        int[] rows = new int[64];
        for (FeatureVector message : messages) {
            for (int bucket : message.buckets()) {
                if (positions[bucket] < 0) {
                    if (distinct == rows.length) {
                        rows = java.util.Arrays.copyOf(rows, distinct * 2);
                    }
                    positions[bucket] = distinct;
                    rows[distinct++] = bucket;
                }
            }
        }
        float[] featureGradient = new float[distinct * width];
        for (int e = 0; e < messages.length; e++) {
            FeatureVector message = messages[e];
            for (int i = 0; i < message.buckets().length; i++) {
                int base = positions[message.buckets()[i]] * width;
                float weight = message.weights()[i];
                for (int j = 0; j < width; j++) {
                    featureGradient[base + j] += weight * hiddenGradient[e * width + j];
                }
            }
        }
        int[] featureRows = java.util.Arrays.copyOf(rows, distinct);
        for (int row : featureRows) {
            positions[row] = -1;
        }
        return new SoftmaxGradient(featureRows, featureGradient, outputGradient, biasGradient, best);
    }
}
