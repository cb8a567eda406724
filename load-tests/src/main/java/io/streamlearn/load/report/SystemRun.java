package io.streamlearn.load.report;

import java.util.List;

import io.streamlearn.load.search.StepOutcome;

/**
 * What one system (the service or the pass-through baseline) did for one workload and guarantee.
 *
 * @param probeRate answered events/s in the closed-loop capacity probe
 * @param sustainedRate highest open-loop step rate that was sustained
 * @param bracketed whether a higher step failed; if not, {@code sustainedRate} is only a lower bound
 * @param steps every open-loop step of the search
 * @param halfRate the latency run at half the service's sustained rate (null if not run)
 */
public record SystemRun(String system, double probeRate, double sustainedRate, boolean bracketed,
        List<StepOutcome> steps,
        FixedRateRun halfRate) {
}
