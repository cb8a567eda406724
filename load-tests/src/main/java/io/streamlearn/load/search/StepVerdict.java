package io.streamlearn.load.search;

/**
 * Decides whether a step's rate was sustained: the predictions kept pace with the input and the
 * backlog stopped growing. Backlog, not only output rate, because a system that answers at 95 % of
 * the input rate falls further behind every second and its latency grows without bound.
 *
 * @param minAnsweredShare answered rate must be at least this share of the target rate
 * @param maxBacklogGrowthSeconds the backlog may grow over the second half of the step by at most
 *     this many seconds' worth of input (room for commit-interval and batching jitter)
 * @param maxProducerLateMillis beyond this the load generator could not offer the rate: the step
 *     says nothing about the system, so it does not count as sustained
 */
public record StepVerdict(double minAnsweredShare, double maxBacklogGrowthSeconds, double maxProducerLateMillis) {

    public static StepVerdict standard() {
        return new StepVerdict(0.95, 0.25, 1000);
    }

    public StepOutcome judge(double targetRate, double sentRate, double answeredRate, long outstandingAtMiddle,
            long outstandingAtEnd, double producerLateMillis) {
        String reason;
        if (producerLateMillis > maxProducerLateMillis) {
            reason = String.format("load generator fell %.0f ms behind", producerLateMillis);
        } else if (answeredRate < minAnsweredShare * targetRate) {
            reason = String.format("answered %.0f/s < %.0f%% of target", answeredRate, minAnsweredShare * 100);
        } else if (outstandingAtEnd - outstandingAtMiddle > maxBacklogGrowthSeconds * targetRate) {
            reason = String.format("backlog grew %d -> %d", outstandingAtMiddle, outstandingAtEnd);
        } else {
            reason = "kept up";
        }
        return new StepOutcome(targetRate, sentRate, answeredRate, outstandingAtMiddle, outstandingAtEnd,
                producerLateMillis, reason.equals("kept up"), reason);
    }
}
