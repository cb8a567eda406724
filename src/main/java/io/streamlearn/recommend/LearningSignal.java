package io.streamlearn.recommend;

import java.util.EnumMap;
import java.util.Map;

import io.streamlearn.event.Interaction;
import io.streamlearn.event.InteractionType;

/**
 * How much each interaction counts as a positive example, and which interactions count as hits for
 * the prequential metrics. Every interaction is some evidence of interest (a user rates what they
 * chose to watch), so low ratings are weak positives rather than negatives; see README, "Learning
 * signal".
 *
 * @param weights example weight per type (rating weights are scaled by the rating, below)
 * @param likedRating ratings at or above this count fully and count as relevant for HR@K
 * @param dislikedWeight weight of a rating below {@code likedRating}
 */
public record LearningSignal(Map<InteractionType, Float> weights, double likedRating, float dislikedWeight) {

    public LearningSignal {
        weights = Map.copyOf(weights);
    }

    public static LearningSignal defaults() {
        Map<InteractionType, Float> weights = new EnumMap<>(InteractionType.class);
        weights.put(InteractionType.VIEW, 0.5f);
        weights.put(InteractionType.CLICK, 0.75f);
        weights.put(InteractionType.ADD_TO_CART, 1.0f);
        weights.put(InteractionType.PURCHASE, 1.5f);
        weights.put(InteractionType.RATING, 1.0f);
        return new LearningSignal(weights, 4.0, 0.5f);
    }

    public float weight(Interaction interaction) {
        float base = weights.getOrDefault(interaction.type(), 1f);
        if (interaction.type() == InteractionType.RATING && interaction.value() < likedRating) {
            return base * dislikedWeight;
        }
        return base;
    }

    /** Whether a hit on this interaction counts toward HR@K: everything but a disliked rating. */
    public boolean isRelevant(Interaction interaction) {
        return interaction.type() != InteractionType.RATING || interaction.value() >= likedRating;
    }
}
