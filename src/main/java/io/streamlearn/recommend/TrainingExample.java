package io.streamlearn.recommend;

import java.util.List;

/**
 * One positive interaction to learn from: the user's recent items before it, the item, how strongly
 * it counts, and its event time (used for idle eviction).
 */
public record TrainingExample(List<String> recentItems, String itemId, float weight, long eventTime) {
}
