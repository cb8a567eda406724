package io.streamlearn.load.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent, for any n up to the
 * capacity given at construction. The cumulative weights are computed once, so a catalogue that
 * grows over time can sample from its current size without rebuilding anything.
 */
public final class ZipfSampler {

    private final double[] cumulative;

    public ZipfSampler(int capacity, double exponent) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        cumulative = new double[capacity];
        double sum = 0;
        for (int rank = 0; rank < capacity; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
    }

    /** A rank in [0, n): rank 0 is the most popular. */
    public int sample(int n, SplittableRandom random) {
        if (n < 1 || n > cumulative.length) {
            throw new IllegalArgumentException("n must be in [1, " + cumulative.length + "], was " + n);
        }
        double target = random.nextDouble() * cumulative[n - 1];
        int index = Arrays.binarySearch(cumulative, 0, n, target);
        int rank = index >= 0 ? index : -index - 1;
        return Math.min(rank, n - 1);
    }

    public int capacity() {
        return cumulative.length;
    }
}
