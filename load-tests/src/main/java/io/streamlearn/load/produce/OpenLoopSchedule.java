package io.streamlearn.load.produce;

/**
 * When each event of an open-loop run is meant to be sent: event {@code i} at
 * {@code start + i / rate}, regardless of when earlier sends actually completed. Latency is measured
 * from these intended times, so a producer or broker that stalls shows up as latency instead of
 * silently lowering the offered load (coordinated omission).
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond) {

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
    }

    public long intendedNanos(long index) {
        return startNanos + (long) Math.floor(index * 1e9 / ratePerSecond);
    }

    /** How many events are due by {@code nowNanos}: those whose intended time is not in the future. */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / 1e9) + 1;
        // Guard the floating-point edge: never report an event as due before its intended time.
        while (due > 0 && intendedNanos(due - 1) > nowNanos) {
            due--;
        }
        while (intendedNanos(due) <= nowNanos) {
            due++;
        }
        return due;
    }

    /** Events in a run of the given length. */
    public long eventsIn(double seconds) {
        return (long) Math.floor(seconds * ratePerSecond);
    }
}
