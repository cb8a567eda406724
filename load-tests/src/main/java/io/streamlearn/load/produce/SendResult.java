package io.streamlearn.load.produce;

/**
 * What one production phase did.
 *
 * @param sent records handed to the producer
 * @param scheduled records the schedule asked for (equal to {@code sent} unless stopped early)
 * @param startNanos first intended send time
 * @param endNanos when the last record was handed over
 * @param lateNanos how far behind its intended time the last record was handed over; a large value
 *     means the load generator, not the system under test, was the limit
 */
public record SendResult(long sent, long scheduled, long startNanos, long endNanos, long lateNanos) {

    public double seconds() {
        return Math.max(1e-9, (endNanos - startNanos) / 1e9);
    }
}
