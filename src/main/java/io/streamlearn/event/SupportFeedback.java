package io.streamlearn.event;

/**
 * A validated agent-confirmed intent for an earlier message. {@code source} is where the feedback
 * was read: the join with the message happens after a repartition, so it travels with the value to
 * label a dead letter with the original position.
 */
public record SupportFeedback(String messageId, String intent, SourcePosition source) {
}
