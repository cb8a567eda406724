package io.streamlearn.recommend;

import java.util.Arrays;

/**
 * A float array reused from call to call, grown (doubling) when a call needs more. The model's
 * per-call arrays are hundreds of KB at thousands of items: the garbage collector allocates such
 * arrays outside the young generation, and allocating them anew each time made a sixth of the
 * service's allocations. Only the first {@code length} values belong to a call.
 */
final class ScratchArray {

    private float[] values = new float[0];

    /** At least {@code length} values, their contents left as they are. */
    float[] atLeast(int length) {
        if (values.length < length) {
            values = new float[Math.max(length, values.length * 2)];
        }
        return values;
    }

    /** At least {@code length} values, the first {@code length} of them zero. */
    float[] zeroed(int length) {
        if (values.length < length) {
            return atLeast(length);
        }
        Arrays.fill(values, 0, length, 0f);
        return values;
    }
}
