package io.streamlearn.recommend;

import java.util.List;
import java.util.Set;

/**
 * What the recommender is asked for one user: the score of {@code itemId} (may be null when only a
 * top-K is wanted) and the top-K items outside {@code excluded}, given the user's recent items.
 */
public record RecommendationQuery(String itemId, List<String> recentItems, Set<String> excluded) {
}
