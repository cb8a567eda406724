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
        assertThat(PredictionCollector.fieldsOf(json, bytes(
                "{\"eventId\":\"r-1\",\"userId\":\"u\",\"recommendations\":[{\"itemId\":\"x\"}]}")).id())
                .isEqualTo("r-1");
        assertThat(PredictionCollector.fieldsOf(json, bytes(
                "{\"alternatives\":[{\"intent\":\"a\"}],\"messageId\":\"r-2\"}")).id()).isEqualTo("r-2");
        assertThat(PredictionCollector.fieldsOf(json, bytes("{\"userId\":\"u\"}")).id()).isNull();
        assertThat(PredictionCollector.fieldsOf(json, bytes("not json")).id()).isNull();
        assertThat(PredictionCollector.fieldsOf(json, null).id()).isNull();
    }

    @Test
    void theCollectorReadsWhenThePredictionWasProducedWhereverTheFieldIs() {
        JsonFactory json = new JsonFactory();
        assertThat(PredictionCollector.fieldsOf(json, bytes(
                "{\"eventId\":\"r-1\",\"recommendations\":[{\"producedAt\":1}],\"producedAt\":1795504972587}")))
                .isEqualTo(new PredictionCollector.AnswerFields("r-1", 1795504972587L));
        assertThat(PredictionCollector.fieldsOf(json, bytes("{\"producedAt\":7,\"messageId\":\"r-2\"}")))
                .isEqualTo(new PredictionCollector.AnswerFields("r-2", 7));
        assertThat(PredictionCollector.fieldsOf(json, bytes("{\"eventId\":\"r-3\",\"producedAt\":\"soon\"}")))
                .isEqualTo(new PredictionCollector.AnswerFields("r-3", -1));
        assertThat(PredictionCollector.fieldsOf(json, bytes("{\"eventId\":\"r-4\",\"producedAt\":12")))
                .as("cut short after the field").isEqualTo(new PredictionCollector.AnswerFields("r-4", 12));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
