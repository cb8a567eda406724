package io.streamlearn.recommend;

import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import io.streamlearn.learn.DenseTransfer;

/**
 * A table of parameter rows with their Adagrad accumulators. Values live in an ND4J array so that
 * scoring every item is one matrix product; single rows are read and written through a direct
 * buffer view of that array, because per-row ND4J calls cost microseconds each and a mini-batch
 * touches thousands of rows.
 */
final class AdagradTable {

    /** Initial accumulator value: damps the first steps of a new row instead of an epsilon. */
    static final float INITIAL_ACCUMULATOR = 0.1f;

    private final int width;
    private INDArray values;
    private FloatBuffer valueView;
    private float[] accumulators;

    AdagradTable(int width, int initialRows) {
        this.width = width;
        allocate(initialRows);
    }

    int width() {
        return width;
    }

    /** The first {@code rows} rows as an ND4J view, for dense scoring of every item. */
    INDArray head(int rows) {
        return values.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
    }

    /** Sets a row's values and resets its accumulator (used when an ID is admitted). */
    void reset(int row, float[] initial) {
        ensureRows(row + 1);
        valueView.put(row * width, initial, 0, width);
        Arrays.fill(accumulators, row * width, (row + 1) * width, INITIAL_ACCUMULATOR);
    }

    /** The given rows, in order, as a {@code rows.length × width} matrix. */
    INDArray gather(int[] rows) {
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            valueView.get(rows[i] * width, out, i * width, width);
        }
        return DenseTransfer.matrix(out, rows.length, width);
    }

    /** Adds {@code weight} × row to {@code out[offset .. offset + width)}. */
    void addWeightedRow(int row, float weight, float[] out, int offset) {
        int base = row * width;
        for (int j = 0; j < width; j++) {
            out[offset + j] += weight * valueView.get(base + j);
        }
    }

    /** One Adagrad step per coordinate of the given rows: G += g², θ −= rate · g / √G. */
    void applyGradient(int[] rows, float[] gradient, float rate) {
        for (int i = 0; i < rows.length; i++) {
            int base = rows[i] * width;
            for (int j = 0; j < width; j++) {
                float g = gradient[i * width + j];
                float acc = accumulators[base + j] + g * g;
                accumulators[base + j] = acc;
                valueView.put(base + j, valueView.get(base + j) - rate * g / (float) Math.sqrt(acc));
            }
        }
    }

    /** Row values followed by accumulator values: the stored form of one row. */
    float[] exportRow(int row) {
        float[] out = new float[2 * width];
        valueView.get(row * width, out, 0, width);
        System.arraycopy(accumulators, row * width, out, width, width);
        return out;
    }

    void importRow(int row, float[] stored) {
        ensureRows(row + 1);
        valueView.put(row * width, stored, 0, width);
        System.arraycopy(stored, width, accumulators, row * width, width);
    }

    private void ensureRows(int rows) {
        int length = accumulators.length / width;
        if (rows > length) {
            INDArray previous = values;
            float[] previousAccumulators = accumulators;
            allocate(Math.max(rows, length * 2));
            head(length).assign(previous);
            System.arraycopy(previousAccumulators, 0, accumulators, 0, previousAccumulators.length);
        }
    }

    private void allocate(int rows) {
        values = Nd4j.zeros(DataType.FLOAT, rows, width);
        valueView = values.data().asNioFloat();
        accumulators = new float[rows * width];
    }
}
