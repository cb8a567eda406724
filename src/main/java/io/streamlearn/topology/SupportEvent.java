package io.streamlearn.topology;

import io.streamlearn.event.SupportFeedback;
import io.streamlearn.event.SupportMessage;

/** What reaches the intent task, both keyed by messageId: a message to answer, or feedback on one. */
sealed interface SupportEvent {

    record Message(SupportMessage message) implements SupportEvent {
    }

    record Feedback(SupportFeedback feedback) implements SupportEvent {
    }
}
