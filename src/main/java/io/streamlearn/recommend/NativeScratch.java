package io.streamlearn.recommend;

import org.bytedeco.javacpp.FloatPointer;

/**
 * A native float buffer reused from call to call, grown (doubling) when a call needs more, for BLAS
 * to read or write. An answer group's scores are hundreds of KB: allocating them anew for every
 * group (JavaCPP's bookkeeping, fresh pages, a release that waits for the garbage collector) cost
 * about 3 % of the stream thread in the load test. A grown-out buffer is released at once.
 */
final class NativeScratch {

    private FloatPointer buffer;

    /** At least {@code length} floats, their contents left as they are. */
    FloatPointer atLeast(long length) {
        if (buffer == null || buffer.capacity() < length) {
            long grown = buffer == null ? length : Math.max(length, buffer.capacity() * 2);
            if (buffer != null) {
                buffer.close();
            }
            buffer = new FloatPointer(grown);
        }
        return buffer;
    }

    /** The buffer holding the first {@code length} values of {@code values}. */
    FloatPointer holding(float[] values, int length) {
        FloatPointer held = atLeast(length);
        held.put(values, 0, length);
        return held;
    }

    /** Copies the buffer's first {@code length} values to the start of {@code out}. */
    void copyTo(float[] out, int length) {
        buffer.get(out, 0, length);
    }

    /** Copies the buffer's first {@code length} values to {@code out[offset ..]}. */
    void copyTo(float[] out, int offset, int length) {
        buffer.get(out, offset, length);
    }
}
