package io.streamlearn.event;

import java.util.List;

/**
 * The answer to one interaction, published to {@code recommendations}: the score of the interacted
 * item and the user's top-K, both computed before the model learned from this interaction. Scores
 * are floats, as the model's parameters are ({@link ScoredItem}).
 */
public record Recommendation(String eventId, String userId, String itemId, float score,
        List<ScoredItem> recommendations, long modelVersion, long producedAt) {
}
