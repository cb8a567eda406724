package io.streamlearn.topology;

import io.streamlearn.event.Recommendation;

/** What the recommendation task emits: an answer to an interaction, or a part of its published parameter increments. */
sealed interface RecommendOutput {

    record Answer(Recommendation recommendation) implements RecommendOutput {
    }

    record SharedDelta(byte[] frame) implements RecommendOutput {
    }
}
