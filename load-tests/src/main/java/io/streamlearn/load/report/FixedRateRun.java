package io.streamlearn.load.report;

import io.streamlearn.load.measure.LatencySummary;
import io.streamlearn.load.measure.MachineCpu;

/**
 * A fixed-rate run measured for latency (e.g. at half the sustained rate).
 *
 * @param cpu the whole machine's CPU from the first send until the last answer, or null where
 *     unknown: at the same rate, baseline and service runs differ only in the system measured
 */
public record FixedRateRun(double targetRate, double seconds, long sent, long answered, LatencySummary latency,
        MachineCpu cpu) {

    /** Machine CPU microseconds per answered event, or null where unknown. */
    public Double machineMicrosPerEvent() {
        return cpu == null ? null : cpu.microsPerEvent(answered);
    }
}
