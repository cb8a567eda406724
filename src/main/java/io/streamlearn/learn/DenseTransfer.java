package io.streamlearn.learn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves dense float matrices between Java arrays and ND4J in one bulk copy each way.
 * {@code Nd4j.create(float[])} and {@code toFloatVector()} copy element by element through
 * bounds-checked indexers; on a mini-batch's logits and gradients that cost more than the matrix
 * products themselves (13 % of the stream thread in the load-test profile).
 */
public final class DenseTransfer {

    private DenseTransfer() {
    }

    /** A new row-major {@code rows × columns} float matrix holding {@code values}. */
    public static INDArray matrix(float[] values, long rows, long columns) {
        if (values.length != rows * columns) {
            throw new IllegalArgumentException("expected " + rows * columns + " values, got " + values.length);
        }
        INDArray matrix = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, columns}, 'c');
        matrix.data().asNioFloat().put(0, values);
        return matrix;
    }

    /** The array's values in row-major order. */
    public static float[] values(INDArray array) {
        INDArray dense = isPlainRowMajor(array) ? array : array.dup('c');
        float[] out = new float[Math.toIntExact(dense.length())];
        dense.data().asNioFloat().get(0, out);
        return out;
    }

    private static boolean isPlainRowMajor(INDArray array) {
        return array.dataType() == DataType.FLOAT && array.ordering() == 'c' && !array.isView()
                && array.offset() == 0 && array.data().length() == array.length();
    }
}
