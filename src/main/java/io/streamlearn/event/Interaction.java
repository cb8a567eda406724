package io.streamlearn.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A validated interaction. {@code eventId} and {@code timestamp} are always filled in: the validator
 * derives them from the Kafka record when the producer left them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interaction(String eventId, String userId, String itemId, InteractionType type, Double value,
        long timestamp) {
}
