package io.streamlearn.event;

/** One intent with the model's confidence in it (0..1). */
public record ScoredIntent(String intent, double confidence) {
}
