package io.streamlearn.topology;

/** What the recommendation task emits: an answer to an interaction, or a part of its published parameter increments. */
sealed interface RecommendOutput {

    /** An answer in the {@code recommendations} topic's JSON form ({@link io.streamlearn.event.RecommendationWriter}). */
    record Answer(byte[] json) implements RecommendOutput {
    }

    record SharedDelta(byte[] frame) implements RecommendOutput {
    }
}
