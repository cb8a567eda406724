package io.streamlearn.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InteractionValidatorTest {

    private static final SourcePosition SOURCE = new SourcePosition("interactions", 2, 41, 1_700_000_000_000L);
    private final InteractionValidator validator = new InteractionValidator(ValidationLimits.defaults());

    @Test
    void acceptsMinimalInteractionAndDerivesEventIdAndTimestamp() {
        Validated<Interaction> result = validator.validate(
                bytes("{\"userId\":\"u1\",\"itemId\":\"i9\",\"type\":\"click\"}"), SOURCE);

        assertThat(result).isEqualTo(Validated.valid(new Interaction("interactions-2-41", "u1", "i9",
                InteractionType.CLICK, null, 1_700_000_000_000L)));
    }

    @Test
    void keepsProducerEventIdTimestampAndRating() {
        Validated<Interaction> result = validator.validate(bytes(
                "{\"userId\":\"ü\",\"itemId\":\"i\",\"type\":\"rating\",\"value\":4.5,\"timestamp\":12,\"eventId\":\"e-1\"}"),
                SOURCE);

        assertThat(result).isEqualTo(Validated.valid(new Interaction("e-1", "ü", "i", InteractionType.RATING, 4.5, 12)));
    }

    static java.util.stream.Stream<Arguments> badRecords() {
        String tooLong = "x".repeat(257);
        return java.util.stream.Stream.of(
                Arguments.of(new byte[0], RejectReason.EMPTY_VALUE),
                Arguments.of(bytes("{\"userId\":"), RejectReason.MALFORMED_JSON),
                Arguments.of(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, RejectReason.INVALID_UTF8),
                Arguments.of(bytes("[1,2]"), RejectReason.NOT_AN_OBJECT),
                Arguments.of(bytes("{\"itemId\":\"i\",\"type\":\"view\"}"), RejectReason.MISSING_FIELD),
                Arguments.of(bytes("{\"userId\":7,\"itemId\":\"i\",\"type\":\"view\"}"), RejectReason.WRONG_TYPE),
                Arguments.of(bytes("{\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"like\"}"), RejectReason.UNKNOWN_TYPE),
                Arguments.of(bytes("{\"userId\":\" \",\"itemId\":\"i\",\"type\":\"view\"}"), RejectReason.EMPTY_ID),
                Arguments.of(bytes("{\"userId\":\"" + tooLong + "\",\"itemId\":\"i\",\"type\":\"view\"}"), RejectReason.ID_TOO_LONG),
                Arguments.of(bytes("{\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"rating\",\"value\":1e999}"), RejectReason.NON_FINITE_NUMBER),
                Arguments.of(bytes("{\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"rating\",\"value\":NaN}"), RejectReason.MALFORMED_JSON),
                Arguments.of(bytes("{\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"rating\"}"), RejectReason.MISSING_FIELD),
                Arguments.of(bytes("{\"userId\":\"u\",\"itemId\":\"i\",\"type\":\"view\",\"timestamp\":\"now\"}"), RejectReason.WRONG_TYPE),
                Arguments.of(bytes("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}"), RejectReason.NESTING_TOO_DEEP),
                Arguments.of(bytes("{\"userId\":\"u\",\"userId\":\"v\",\"itemId\":\"i\",\"type\":\"view\"}"), RejectReason.MALFORMED_JSON),
                Arguments.of(bytes("{\"pad\":\"" + "y".repeat(70_000) + "\"}"), RejectReason.RECORD_TOO_LARGE));
    }

    @ParameterizedTest
    @MethodSource("badRecords")
    void rejectsBadRecordWithReason(byte[] value, RejectReason expected) {
        Validated<Interaction> result = validator.validate(value, SOURCE);

        assertThat(result).isInstanceOf(Validated.Invalid.class);
        assertThat(((Validated.Invalid<Interaction>) result).rejection().reason()).isEqualTo(expected);
    }

    @Test
    void rejectionDetailNeverQuotesPayloadText() {
        Validated<Interaction> result = validator.validate(bytes("{\"userId\": secret-token-123}"), SOURCE);

        assertThat(((Validated.Invalid<Interaction>) result).rejection().detail()).doesNotContain("secret");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
