package io.streamlearn.recommend;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A native float buffer reused from call to call, handed out as a row-major matrix of the call's
 * shape over its first values, and grown (doubling) when a call needs more. An answer group's
 * scores are hundreds of KB at thousands of items; allocating that output anew for every group
 * (JavaCPP's bookkeeping, fresh pages, a release that waits for the garbage collector) cost about
 * 3 % of the stream thread in the load test.
 */
final class ScratchMatrix {

    private DataBuffer buffer;

    /** A {@code rows × columns} row-major matrix over the buffer's first values, left as they are. */
    INDArray shaped(int rows, int columns) {
        long length = (long) rows * columns;
        if (buffer == null || buffer.length() < length) {
            long grown = buffer == null ? length : Math.max(length, buffer.length() * 2);
            buffer = Nd4j.createBuffer(DataType.FLOAT, grown, true);
        }
        return Nd4j.create(buffer, new long[] {rows, columns}, new long[] {columns, 1}, 0, 'c');
    }

    /** A {@code rows × columns} row-major matrix holding the first rows × columns of {@code values}. */
    INDArray holding(float[] values, int rows, int columns) {
        INDArray matrix = shaped(rows, columns);
        buffer.asNioFloat().put(0, values, 0, rows * columns);
        return matrix;
    }

    /** Copies the buffer's first {@code length} values to the start of {@code out}. */
    void copyTo(float[] out, int length) {
        buffer.asNioFloat().get(0, out, 0, length);
    }
}
