package io.streamlearn.recommend;

import java.util.List;

import io.streamlearn.event.ScoredItem;

/** The score of the asked item (0..1) and the top-K list, best first. */
public record RecommendationAnswer(float score, List<ScoredItem> topK) {
}
