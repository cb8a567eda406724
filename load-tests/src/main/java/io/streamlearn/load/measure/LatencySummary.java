package io.streamlearn.load.measure;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, from a histogram recorded in microseconds. */
public record LatencySummary(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms,
        double maxMs) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(), micros.getMean() / 1000.0,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()));
    }

    /** A histogram fit for end-to-end latencies: 1 µs to 1 hour at 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
