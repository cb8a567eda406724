package io.streamlearn.load.search;

/**
 * One fixed-rate step of the sustained-rate search.
 *
 * @param targetRate offered events per second
 * @param sentRate events per second the producer actually handed over
 * @param answeredRate predictions per second read during the step
 * @param outstandingAtMiddle unanswered events halfway through the step
 * @param outstandingAtEnd unanswered events at the end of the step
 * @param producerLateMillis how far behind schedule the producer finished
 * @param sustained whether the system kept up (see {@link StepVerdict})
 * @param reason why not, or "kept up"
 */
public record StepOutcome(double targetRate, double sentRate, double answeredRate, long outstandingAtMiddle,
        long outstandingAtEnd, double producerLateMillis, boolean sustained, String reason) {
}
