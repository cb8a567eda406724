package io.streamlearn.load.report;

import java.util.stream.Stream;

/**
 * Baseline and service for one workload under one guarantee.
 *
 * @param partitions partitions of the input topic (the baseline used as many)
 * @param baseline the baseline, searched before the service
 * @param baselineAgain the baseline searched once more after the service, or null (fixed-rate mode):
 *     how far the machine itself drifted during the run, which moves the ratio as much as the service
 * @param throughputRatio service sustained rate / the mean of the baseline's sustained rates (of the
 *     searches that sustained a step)
 * @param skipped why the workload was not measured, or null
 */
public record WorkloadRun(String workload, int partitions, SystemRun baseline, SystemRun baselineAgain,
        SystemRun service, Double throughputRatio, String skipped) {

    public static WorkloadRun measured(String workload, int partitions, SystemRun baseline, SystemRun baselineAgain,
            SystemRun service) {
        // A search that sustained no step found no rate, not a rate of zero.
        double baselineRate = Stream.of(baseline, baselineAgain).filter(run -> run != null && run.sustainedRate() > 0)
                .mapToDouble(SystemRun::sustainedRate).average().orElse(0);
        Double ratio = baselineRate > 0 ? service.sustainedRate() / baselineRate : null;
        return new WorkloadRun(workload, partitions, baseline, baselineAgain, service, ratio, null);
    }

    public static WorkloadRun fixedRate(String workload, int partitions, SystemRun baseline, SystemRun service) {
        return new WorkloadRun(workload, partitions, baseline, null, service, null, null);
    }

    public static WorkloadRun skipped(String workload, String reason) {
        return new WorkloadRun(workload, 0, null, null, null, null, reason);
    }
}
