package io.streamlearn.load.measure;

/**
 * One second of a run, for the time-series chart.
 *
 * @param atSeconds end of the interval, seconds since the run's origin
 * @param phase the phase running then (e.g. "service step 2400/s")
 * @param targetRate offered rate of the phase (0 when closed-loop or idle)
 * @param sentPerSecond events sent in the interval
 * @param answeredPerSecond predictions read in the interval
 * @param outstanding sent but unanswered events at the end of the interval
 * @param afterAnswer the part of the interval's latencies after the measured system produced each
 *        prediction (its {@code producedAt} to the read): where a slow second's time went, before
 *        the answer or after it
 */
public record IntervalSample(double atSeconds, String phase, double targetRate, double sentPerSecond,
        double answeredPerSecond, long outstanding, double p50Ms, double p99Ms, double p999Ms, double maxMs,
        LatencySummary afterAnswer) {
}
