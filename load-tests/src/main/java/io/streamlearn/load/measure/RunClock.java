package io.streamlearn.load.measure;

/**
 * One monotonic time base for the whole run (producer and consumer live in the same JVM, so
 * {@code nanoTime} differences are exact), with the wall-clock time of its origin for event
 * timestamps.
 */
public record RunClock(long originNanos, long originEpochMillis) {

    public static RunClock startingNow() {
        return new RunClock(System.nanoTime(), System.currentTimeMillis());
    }

    public long nowNanos() {
        return System.nanoTime();
    }

    public long epochMillisAt(long nanos) {
        return originEpochMillis + (nanos - originNanos) / 1_000_000;
    }

    public double secondsAt(long nanos) {
        return (nanos - originNanos) / 1e9;
    }
}
