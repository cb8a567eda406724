package io.streamlearn.learn;

import java.util.SplittableRandom;

/** Initial parameter values drawn from N(0, scale²), reproducibly from a seeded generator. */
public final class GaussianInit {

    private GaussianInit() {
    }

    public static float[] row(SplittableRandom random, int length, float scale) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            values[i] = (float) (scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return values;
    }
}
