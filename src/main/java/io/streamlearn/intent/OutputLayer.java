package io.streamlearn.intent;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The softmax layer over the intents learned so far: one weight row and one bias per intent, with
 * per-coordinate Adagrad. It grows when an intent first appears; existing rows are never moved, so
 * adding an intent leaves every other intent's parameters untouched.
 */
final class OutputLayer {

    static final float INITIAL_ACCUMULATOR = 0.1f;

    private final int width;
    private INDArray weights;
    private FloatBuffer weightView;
    private float[] weightAccumulators;
    private float[] bias;
    private float[] biasAccumulators;
    private INDArray head;

    OutputLayer(int width, int initialRows) {
        this.width = width;
        allocate(Math.max(1, initialRows));
    }

    /** The first {@code labels} rows, as an ND4J view (labels × width). */
    INDArray head(int labels) {
        // Cached: creating an ND4J view costs far more than the small product it is used for.
        if (head == null || head.rows() != labels) {
            head = weights.get(NDArrayIndex.interval(0, labels), NDArrayIndex.all());
        }
        return head;
    }

    /**
     * W · h + b over the first {@code labels} rows for one message. Read through the buffer view:
     * for a single vector the ND4J call overhead exceeds the few thousand multiply-adds.
     */
    float[] logits(float[] h, int labels) {
        float[] logits = new float[labels];
        float[] row = new float[width];
        for (int label = 0; label < labels; label++) {
            weightView.get(label * width, row, 0, width);
            float sum = bias[label];
            for (int j = 0; j < width; j++) {
                sum += row[j] * h[j];
            }
            logits[label] = sum;
        }
        return logits;
    }

    void setBias(int label, float value) {
        bias[label] = value;
    }

    float bias(int label) {
        return bias[label];
    }

    void reset(int label, float[] initial) {
        ensureRows(label + 1);
        weightView.put(label * width, initial, 0, width);
        Arrays.fill(weightAccumulators, label * width, (label + 1) * width, INITIAL_ACCUMULATOR);
        bias[label] = 0f;
        biasAccumulators[label] = INITIAL_ACCUMULATOR;
    }

    /** Adagrad on the first {@code labels} rows: {@code gradient} is labels × width, {@code biasGradient} labels. */
    void applyGradient(int labels, float[] gradient, float[] biasGradient, float rate) {
        float[] row = new float[width];
        for (int label = 0; label < labels; label++) {
            int base = label * width;
            weightView.get(base, row, 0, width);
            for (int j = 0; j < width; j++) {
                float g = gradient[base + j];
                float acc = weightAccumulators[base + j] + g * g;
                weightAccumulators[base + j] = acc;
                row[j] -= rate * g / (float) Math.sqrt(acc);
            }
            weightView.put(base, row, 0, width);
            float g = biasGradient[label];
            biasAccumulators[label] += g * g;
            bias[label] -= rate * g / (float) Math.sqrt(biasAccumulators[label]);
        }
    }

    /** Weights, weight accumulators, bias and bias accumulator of one intent: its stored form. */
    float[] export(int label) {
        float[] out = new float[2 * width + 2];
        weightView.get(label * width, out, 0, width);
        System.arraycopy(weightAccumulators, label * width, out, width, width);
        out[2 * width] = bias[label];
        out[2 * width + 1] = biasAccumulators[label];
        return out;
    }

    void importRow(int label, float[] stored) {
        ensureRows(label + 1);
        weightView.put(label * width, stored, 0, width);
        System.arraycopy(stored, width, weightAccumulators, label * width, width);
        bias[label] = stored[2 * width];
        biasAccumulators[label] = stored[2 * width + 1];
    }

    private void ensureRows(int rows) {
        int length = bias.length;
        if (rows > length) {
            INDArray previous = weights;
            float[] previousAccumulators = weightAccumulators;
            float[] previousBias = bias;
            float[] previousBiasAccumulators = biasAccumulators;
            allocate(Math.max(rows, length * 2));
            head(length).assign(previous);
            System.arraycopy(previousAccumulators, 0, weightAccumulators, 0, previousAccumulators.length);
            System.arraycopy(previousBias, 0, bias, 0, length);
            System.arraycopy(previousBiasAccumulators, 0, biasAccumulators, 0, length);
        }
    }

    private void allocate(int rows) {
        head = null;
        weights = Nd4j.zeros(DataType.FLOAT, rows, width);
        weightView = weights.data().asNioFloat();
        weightAccumulators = new float[rows * width];
        bias = new float[rows];
        biasAccumulators = new float[rows];
    }
}
