package io.streamlearn.load.report;

import io.streamlearn.load.measure.LatencySummary;

/** A fixed-rate run measured for latency (e.g. at half the sustained rate). */
public record FixedRateRun(double targetRate, double seconds, long sent, long answered, LatencySummary latency) {
}
