package io.streamlearn.load.search;

import java.util.Locale;

/**
 * Decides whether a step's rate was sustained: the backlog stopped growing and, once the input
 * stopped, the system caught up quickly. A system that answers at 95 % of the input rate falls
 * further behind every second; both tests catch that, whatever the latency floor of the guarantee.
 *
 * @param maxBacklogGrowthSeconds the backlog may grow over the second half of the step by at most
 *     this many seconds' worth of input (room for commit-interval and batching jitter)
 * @param maxBacklogSeconds the backlog at the end of the step may hold at most this many seconds'
 *     worth of input: a system that keeps pace only with a large standing queue is not serving
 *     in real time
 * @param maxDrainSeconds after the last send, every event of the step must be answered within this
 *     time (or {@code maxDrainShare} of the step length, whichever is larger)
 * @param maxDrainShare see above
 * @param maxProducerLateMillis beyond this the load generator could not offer the rate: the step
 *     says nothing about the system, so it does not count as sustained
 */
public record StepVerdict(double maxBacklogGrowthSeconds, double maxBacklogSeconds, double maxDrainSeconds,
        double maxDrainShare, double maxProducerLateMillis) {

    public static final String KEPT_UP = "kept up";

    public static StepVerdict standard() {
        return new StepVerdict(0.25, 1.0, 1.0, 0.1, 1000);
    }

    public StepOutcome judge(double targetRate, double stepSeconds, double sentRate, double answeredRate,
            long outstandingAtMiddle, long outstandingAtEnd, double drainSeconds, double producerLateMillis) {
        double drainLimit = Math.max(maxDrainSeconds, maxDrainShare * stepSeconds);
        String reason;
        if (producerLateMillis > maxProducerLateMillis) {
            reason = fmt("load generator fell %.0f ms behind", producerLateMillis);
        } else if (outstandingAtEnd - outstandingAtMiddle > maxBacklogGrowthSeconds * targetRate) {
            reason = fmt("backlog grew %d -> %d", outstandingAtMiddle, outstandingAtEnd);
        } else if (outstandingAtEnd > maxBacklogSeconds * targetRate) {
            reason = fmt("standing backlog of %d (over %.1f s of input)", outstandingAtEnd, maxBacklogSeconds);
        } else if (!(drainSeconds <= drainLimit)) {
            reason = Double.isInfinite(drainSeconds) ? "backlog never drained"
                    : fmt("took %.1f s to catch up (limit %.1f s)", drainSeconds, drainLimit);
        } else {
            reason = KEPT_UP;
        }
        return new StepOutcome(targetRate, sentRate, answeredRate, outstandingAtMiddle, outstandingAtEnd, drainSeconds,
                producerLateMillis, reason.equals(KEPT_UP), reason, null);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
