package io.streamlearn.intent;

import java.util.Arrays;

/**
 * Calibrates the out-of-scope threshold from the stream itself: the confidences the model gave
 * labelled messages of already-known intents, before learning them (test-then-train), over a
 * sliding window. These are honest estimates of the confidence of in-scope traffic; the threshold is
 * the quantile that keeps {@code coverage} of them above it. Messages whose confidence falls below
 * it are answered {@code unknown}. No out-of-scope examples are needed.
 */
final class ConfidenceCalibration {

    /** Fewer observations than this give no threshold: nothing is called unknown yet. */
    static final int MINIMUM_OBSERVATIONS = 50;

    private final float[] window;
    private int next;
    private int count;
    private double cachedCoverage = Double.NaN;
    private float cachedThreshold;

    ConfidenceCalibration(int size) {
        this.window = new float[size];
    }

    void observe(float confidence) {
        window[next] = confidence;
        next = (next + 1) % window.length;
        count = Math.min(count + 1, window.length);
        cachedCoverage = Double.NaN;
    }

    /** Sorted once per change, not per prediction: predictions far outnumber labelled messages. */
    float threshold(double coverage) {
        if (count < MINIMUM_OBSERVATIONS) {
            return 0f;
        }
        if (coverage != cachedCoverage) {
            float[] sorted = Arrays.copyOf(window, count);
            Arrays.sort(sorted);
            int index = (int) Math.floor((1 - coverage) * count);
            cachedThreshold = sorted[Math.min(index, count - 1)];
            cachedCoverage = coverage;
        }
        return cachedThreshold;
    }

    float[] export() {
        float[] out = new float[count + 2];
        out[0] = next;
        out[1] = count;
        System.arraycopy(window, 0, out, 2, count);
        return out;
    }

    void importState(float[] stored) {
        next = (int) stored[0];
        count = Math.min((int) stored[1], window.length);
        System.arraycopy(stored, 2, window, 0, count);
        next = next % window.length;
        cachedCoverage = Double.NaN;
    }
}
