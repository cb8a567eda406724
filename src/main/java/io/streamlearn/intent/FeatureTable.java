package io.streamlearn.intent;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The embedding bag's hashed feature rows, with row-wise Adagrad: one accumulator per row (the mean
 * squared gradient of its coordinates) instead of one per coordinate, which halves the optimizer
 * state and the checkpoint while keeping Adagrad's per-feature step sizes, the part that matters
 * for rare features. Rows start at zero, so a never-seen bucket contributes nothing and costs no
 * checkpoint space. Values live in an ND4J array, read and written row by row through a direct
 * buffer view because a mini-batch touches thousands of scattered rows.
 */
final class FeatureTable {

    static final float INITIAL_ACCUMULATOR = 0.1f;

    private final int width;
    private final int rows;
    private final INDArray values;
    private final FloatBuffer view;
    private final float[] accumulators;

    FeatureTable(int rows, int width) {
        this.rows = rows;
        this.width = width;
        this.values = Nd4j.zeros(DataType.FLOAT, rows, width);
        this.view = values.data().asNioFloat();
        this.accumulators = new float[rows];
        Arrays.fill(accumulators, INITIAL_ACCUMULATOR);
    }

    int width() {
        return width;
    }

    int rows() {
        return rows;
    }

    /** The weighted sum of the vector's rows, added into {@code out} at {@code offset}. */
    void bag(FeatureVector vector, float[] out, int offset) {
        float[] row = new float[width];
        for (int i = 0; i < vector.buckets().length; i++) {
            view.get(vector.buckets()[i] * width, row, 0, width);
            float weight = vector.weights()[i];
            for (int j = 0; j < width; j++) {
                out[offset + j] += weight * row[j];
            }
        }
    }

    /** One row-wise Adagrad step per given row: G += mean(g²), θ −= rate · g / √G. */
    void applyGradient(int[] rowIds, float[] gradient, float rate) {
        float[] row = new float[width];
        for (int i = 0; i < rowIds.length; i++) {
            int base = i * width;
            float squares = 0;
            for (int j = 0; j < width; j++) {
                squares += gradient[base + j] * gradient[base + j];
            }
            int id = rowIds[i];
            accumulators[id] += squares / width;
            float step = rate / (float) Math.sqrt(accumulators[id]);
            view.get(id * width, row, 0, width);
            for (int j = 0; j < width; j++) {
                row[j] -= step * gradient[base + j];
            }
            view.put(id * width, row, 0, width);
        }
    }

    /** Rows {@code [first, first + count)}: each row's values followed by its accumulator. */
    float[] export(int first, int count) {
        float[] out = new float[count * (width + 1)];
        for (int r = 0; r < count; r++) {
            int base = r * (width + 1);
            view.get((first + r) * width, out, base, width);
            out[base + width] = accumulators[first + r];
        }
        return out;
    }

    void importRows(int first, float[] stored) {
        int count = stored.length / (width + 1);
        for (int r = 0; r < count; r++) {
            int base = r * (width + 1);
            view.put((first + r) * width, stored, base, width);
            accumulators[first + r] = stored[base + width];
        }
    }
}
