package io.streamlearn.load.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;

class EventIdsTest {

    private final EventIds ids = new EventIds("lt20260101g0");

    @Test
    void aSequenceSurvivesTheRoundTripThroughItsIdentifier() {
        assertThat(ids.sequenceOf(ids.idOf(0))).isZero();
        assertThat(ids.sequenceOf(ids.idOf(123_456_789L))).isEqualTo(123_456_789L);
    }

    @Test
    void identifiersOfOtherRunsOrShapesAreIgnored() {
        assertThat(ids.sequenceOf("lt20260101g1-5")).isEqualTo(-1);
        assertThat(ids.sequenceOf("lt20260101g0-")).isEqualTo(-1);
        assertThat(ids.sequenceOf("lt20260101g0-12x")).isEqualTo(-1);
        assertThat(ids.sequenceOf("something-else")).isEqualTo(-1);
        assertThat(ids.sequenceOf(null)).isEqualTo(-1);
    }

    @Test
    void aRunTagMustNotContainTheSeparator() {
        assertThatThrownBy(() -> new EventIds("a-b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCollectorFindsTheEventIdOfARecommendationAndTheMessageIdOfASupportPrediction() {
        JsonFactory json = new JsonFactory();
        assertThat(PredictionCollector.idIn(json, bytes(
                "{\"eventId\":\"r-1\",\"userId\":\"u\",\"recommendations\":[{\"itemId\":\"x\"}]}"))).isEqualTo("r-1");
        assertThat(PredictionCollector.idIn(json, bytes(
                "{\"alternatives\":[{\"intent\":\"a\"}],\"messageId\":\"r-2\"}"))).isEqualTo("r-2");
        assertThat(PredictionCollector.idIn(json, bytes("{\"userId\":\"u\"}"))).isNull();
        assertThat(PredictionCollector.idIn(json, bytes("not json"))).isNull();
        assertThat(PredictionCollector.idIn(json, null)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
