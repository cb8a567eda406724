package io.streamlearn.recommend;

import java.util.List;

/**
 * What the recommender is asked for one user: the score of {@code itemId} (may be null when only a
 * top-K is wanted) and the top-K items the user has not {@code seen}, given the user's recent items.
 * {@code seen} is a lookup rather than a set because a heavy user's history can be long: it is
 * consulted only for the few items that would make the top-K.
 */
public record RecommendationQuery(String itemId, List<String> recentItems, SeenItems seen) {
}
