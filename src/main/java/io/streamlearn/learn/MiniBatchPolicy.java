package io.streamlearn.learn;

import java.time.Duration;

/**
 * When buffered items are processed together: as soon as {@code batchSize} have arrived, or once the
 * oldest has waited {@code maxWait}, so a quiet stream is still served promptly. Used for learning
 * (mini-batches) and for answering (groups scored in one matrix product).
 */
public record MiniBatchPolicy(int batchSize, Duration maxWait) {

    public MiniBatchPolicy {
        if (batchSize < 1 || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("batch size and max wait must be positive");
        }
    }

    public boolean isFull(int buffered) {
        return buffered >= batchSize;
    }

    public boolean isDue(int buffered, long oldestArrivalMillis, long nowMillis) {
        return buffered > 0 && nowMillis - oldestArrivalMillis >= maxWait.toMillis();
    }
}
