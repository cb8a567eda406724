package io.streamlearn.load.search;

import io.streamlearn.load.measure.MachineCpu;

/**
 * One fixed-rate step of the sustained-rate search.
 *
 * @param targetRate offered events per second
 * @param sentRate events per second the producer actually handed over
 * @param answeredRate predictions per second read during the step (informative: it trails the
 *     target by the in-flight events even when the system keeps up)
 * @param outstandingAtMiddle unanswered events halfway through the step
 * @param outstandingAtEnd unanswered events when the last event was sent
 * @param drainSeconds time from the last send until every event of the step was answered
 * @param producerLateMillis how far behind schedule the producer finished
 * @param sustained whether the system kept up (see {@link StepVerdict})
 * @param reason why not, or "kept up"
 * @param cpu the whole machine's CPU while the step's events were sent, or null where unknown
 */
public record StepOutcome(double targetRate, double sentRate, double answeredRate, long outstandingAtMiddle,
        long outstandingAtEnd, double drainSeconds, double producerLateMillis, boolean sustained, String reason,
        MachineCpu cpu) {

    public StepOutcome withCpu(MachineCpu measured) {
        return new StepOutcome(targetRate, sentRate, answeredRate, outstandingAtMiddle, outstandingAtEnd, drainSeconds,
                producerLateMillis, sustained, reason, measured);
    }
}
