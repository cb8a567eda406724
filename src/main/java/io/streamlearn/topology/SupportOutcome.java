package io.streamlearn.topology;

import io.streamlearn.event.SupportPrediction;

/** What the intent task emits: a prediction, or a dead letter (headers already on the record). */
sealed interface SupportOutcome {

    record Answered(SupportPrediction prediction) implements SupportOutcome {
    }

    record DeadLetter(byte[] value) implements SupportOutcome {
    }
}
