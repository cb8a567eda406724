package io.streamlearn.recommend;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A table of parameter rows with their Adagrad accumulators. Values live in an ND4J array, in
 * native memory, so that scoring items is a matrix product that reads them in place; single rows
 * are read and written through a direct buffer view of that array, because per-row ND4J calls cost
 * microseconds each and a mini-batch touches thousands of rows.
 *
 * <p>When it {@code tracksSteps}, the table also keeps what its own gradient steps added to each row
 * since the row's delta was last taken (values and accumulators): that is what a task shares with
 * the other replicas of the model. Increments folded in from other replicas are not recorded, so
 * nothing is shared twice. A model that shares nothing does not track, and pays nothing for it.
 */
final class AdagradTable {

    /** Initial accumulator value: damps the first steps of a new row instead of an epsilon. */
    static final float INITIAL_ACCUMULATOR = 0.1f;

    private final int width;
    private final boolean tracksSteps;
    private INDArray values;
    private FloatBuffer valueView;
    private FloatPointer valuePointer;
    private float[] accumulators;
    private float[] valueDeltas;
    private float[] accumulatorDeltas;
    private final BitSet stepped = new BitSet();

    AdagradTable(int width, int initialRows, boolean tracksSteps) {
        this.width = width;
        this.tracksSteps = tracksSteps;
        allocate(initialRows);
    }

    int width() {
        return width;
    }

    /**
     * The rows from {@code from} on where they lie in native memory (row-major, {@link #width} floats
     * a row), for BLAS to read in place; valid until the table next grows.
     */
    FloatPointer rowsFrom(int from) {
        return new FloatPointer(valuePointer).position((long) from * width);
    }

    /** Sets a row's values and resets its accumulator (used when an ID is admitted). */
    void reset(int row, float[] initial) {
        ensureRows(row + 1);
        valueView.put(row * width, initial, 0, width);
        Arrays.fill(accumulators, row * width, (row + 1) * width, INITIAL_ACCUMULATOR);
        clearDelta(row);
    }

    /** Copies the values of rows {@code from .. to)}, row-major, to the start of {@code out}. */
    void copyRows(int from, int to, float[] out) {
        valueView.get(from * width, out, 0, (to - from) * width);
    }

    /** Copies a row's values to {@code out[offset .. offset + width)}. */
    void copyRow(int row, float[] out, int offset) {
        valueView.get(row * width, out, offset, width);
    }

    /** Adds {@code weight} × row to {@code out[offset .. offset + width)}. */
    void addWeightedRow(int row, float weight, float[] out, int offset) {
        int base = row * width;
        for (int j = 0; j < width; j++) {
            out[offset + j] += weight * valueView.get(base + j);
        }
    }

    /**
     * One Adagrad step per coordinate of {@code rows[from .. to)}: G += g², θ −= rate · g / √G.
     * Calls for disjoint ranges of distinct rows may run at once; {@link #markStepped} afterwards,
     * from one thread.
     */
    void applyGradient(int[] rows, float[] gradient, float rate, int from, int to) {
        // Each row is copied out of the ND4J buffer and back in bulk (element-wise buffer access costs
        // a bounds check per coordinate; absolute get/put leave the shared view's position alone), and
        // so are its gradient and accumulators: the step over local arrays indexed from 0 ran 1.6x
        // faster than the same step indexing the tables at the row's offset (64 wide).
        float[] row = new float[width];
        float[] g = new float[width];
        float[] acc = new float[width];
        float[] step = new float[width];
        for (int i = from; i < to; i++) {
            int base = rows[i] * width;
            valueView.get(base, row, 0, width);
            System.arraycopy(gradient, i * width, g, 0, width);
            System.arraycopy(accumulators, base, acc, 0, width);
            for (int j = 0; j < width; j++) {
                acc[j] += g[j] * g[j];
                step[j] = rate * g[j] / (float) Math.sqrt(acc[j]);
                row[j] -= step[j];
            }
            System.arraycopy(acc, 0, accumulators, base, width);
            valueView.put(base, row, 0, width);
            if (tracksSteps) {
                recordStep(base, g, step);
            }
        }
    }

    private void recordStep(int base, float[] g, float[] step) {
        for (int j = 0; j < width; j++) {
            accumulatorDeltas[base + j] += g[j] * g[j];
            valueDeltas[base + j] -= step[j];
        }
    }

    /** Records that the rows were stepped, for {@link #takeDelta}. */
    void markStepped(int[] rows) {
        if (tracksSteps) {
            for (int row : rows) {
                stepped.set(row);
            }
        }
    }

    /** Rows changed by this table's own gradient steps since their delta was last taken. */
    BitSet steppedRows() {
        return (BitSet) stepped.clone();
    }

    /** The row's own increments since last taken (values, then accumulators), null if none; resets them. */
    float[] takeDelta(int row) {
        if (!tracksSteps) {
            throw new IllegalStateException("this table does not track its own steps");
        }
        if (!stepped.get(row)) {
            return null;
        }
        float[] out = new float[2 * width];
        System.arraycopy(valueDeltas, row * width, out, 0, width);
        System.arraycopy(accumulatorDeltas, row * width, out, width, width);
        clearDelta(row);
        return out;
    }

    /**
     * Merges other replicas' increments of one row (each laid out as {@link #takeDelta}, none null)
     * with this replica's own increments {@code own} (just taken, already applied; null when none). Plain
     * summing would overshoot where several replicas stepped the same coordinate from the same start:
     * each stepped with only its own share of the squared gradients in the Adagrad denominator. So
     * each replica's steps are rescaled by √((G₀ + ΔG_k) / (G₀ + Σ ΔG)), G₀ the accumulator before
     * all of them: a coordinate stepped by one replica only is summed unchanged, N equal replicas
     * with constant gradients land where one model taking all N·k steps would.
     */
    void merge(int row, float[] own, List<float[]> others) {
        int base = row * width;
        if (own == null && others.size() == 1) {
            addIncrements(base, others.get(0));
            return;
        }
        for (int j = 0; j < width; j++) {
            float ownAccumulated = own == null ? 0f : own[width + j];
            float before = Math.max(accumulators[base + j] - ownAccumulated, INITIAL_ACCUMULATOR);
            float after = accumulators[base + j];
            for (float[] other : others) {
                after += other[width + j];
            }
            double step = 0;
            for (float[] other : others) {
                step += other[j] * Math.sqrt((before + other[width + j]) / after);
            }
            if (own != null) {
                step -= own[j] * (1 - Math.sqrt((before + ownAccumulated) / after));
            }
            valueView.put(base + j, valueView.get(base + j) + (float) step);
            accumulators[base + j] = after;
        }
    }

    /**
     * The rescaling factor is exactly 1 for a coordinate only one replica stepped, (G₀ + ΔG) / (G₀ + ΔG):
     * the increments are added as they are. Most rows of an exchange are in this case.
     */
    private void addIncrements(int base, float[] increments) {
        for (int j = 0; j < width; j++) {
            valueView.put(base + j, valueView.get(base + j) + increments[j]);
            accumulators[base + j] += increments[width + j];
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
        clearDelta(row);
    }

    private void clearDelta(int row) {
        if (!tracksSteps) {
            return;
        }
        Arrays.fill(valueDeltas, row * width, (row + 1) * width, 0f);
        Arrays.fill(accumulatorDeltas, row * width, (row + 1) * width, 0f);
        stepped.clear(row);
    }

    private void ensureRows(int rows) {
        int length = accumulators.length / width;
        if (rows > length) {
            INDArray previous = values;
            float[] previousAccumulators = accumulators;
            float[] previousValueDeltas = valueDeltas;
            float[] previousAccumulatorDeltas = accumulatorDeltas;
            allocate(Math.max(rows, length * 2));
            values.get(NDArrayIndex.interval(0, length), NDArrayIndex.all()).assign(previous);
            System.arraycopy(previousAccumulators, 0, accumulators, 0, previousAccumulators.length);
            if (tracksSteps) {
                System.arraycopy(previousValueDeltas, 0, valueDeltas, 0, previousValueDeltas.length);
                System.arraycopy(previousAccumulatorDeltas, 0, accumulatorDeltas, 0, previousAccumulatorDeltas.length);
            }
        }
    }

    private void allocate(int rows) {
        values = Nd4j.zeros(DataType.FLOAT, rows, width);
        valueView = values.data().asNioFloat();
        valuePointer = new FloatPointer(values.data().addressPointer());
        accumulators = new float[rows * width];
        if (tracksSteps) {
            valueDeltas = new float[rows * width];
            accumulatorDeltas = new float[rows * width];
        }
    }
}
