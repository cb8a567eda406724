package io.streamlearn.event;

/** One entry of a top-K list. */
public record ScoredItem(String itemId, double score) {
}
