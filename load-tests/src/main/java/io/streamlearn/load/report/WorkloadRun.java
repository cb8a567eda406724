package io.streamlearn.load.report;

/**
 * Baseline and service for one workload under one guarantee.
 *
 * @param partitions partitions of the input topic (the baseline used as many)
 * @param throughputRatio service sustained rate / baseline sustained rate
 * @param skipped why the workload was not measured, or null
 */
public record WorkloadRun(String workload, int partitions, SystemRun baseline, SystemRun service,
        Double throughputRatio, String skipped) {

    public static WorkloadRun measured(String workload, int partitions, SystemRun baseline, SystemRun service) {
        Double ratio = baseline.sustainedRate() > 0 ? service.sustainedRate() / baseline.sustainedRate() : null;
        return new WorkloadRun(workload, partitions, baseline, service, ratio, null);
    }

    public static WorkloadRun skipped(String workload, String reason) {
        return new WorkloadRun(workload, 0, null, null, null, reason);
    }
}
