package io.streamlearn.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A validated customer-support message. {@code intent}, when present, is a label the model learns
 * from right after predicting the message; {@code timestamp} is filled in from the Kafka record when
 * the producer left it out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupportMessage(String messageId, String conversationId, String text, String intent, long timestamp) {

    /** The key of the message's prediction: its conversation, or the message itself outside one. */
    public String predictionKey() {
        return conversationId != null ? conversationId : messageId;
    }
}
