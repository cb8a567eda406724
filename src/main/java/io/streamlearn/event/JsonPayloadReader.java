package io.streamlearn.event;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns raw record bytes into a JSON object, enforcing the size, encoding and nesting limits. Error
 * details carry positions and field names only, never payload text, because they end up in logs and
 * dead-letter headers.
 */
public final class JsonPayloadReader {

    private final ValidationLimits limits;
    private final ObjectMapper mapper;

    public JsonPayloadReader(ValidationLimits limits) {
        this.limits = limits;
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .build());
    }

    /** The parsed object, or the rejection explaining why the bytes are not one. */
    public Validated<ObjectNode> read(byte[] value) {
        if (value == null || value.length == 0) {
            return Validated.invalid(RejectReason.EMPTY_VALUE, "record value is empty");
        }
        if (value.length > limits.maxRecordBytes()) {
            return Validated.invalid(RejectReason.RECORD_TOO_LARGE,
                    "record value is " + value.length + " bytes, limit " + limits.maxRecordBytes());
        }
        Optional<String> encodingError = utf8Error(value);
        if (encodingError.isPresent()) {
            return Validated.invalid(RejectReason.INVALID_UTF8, encodingError.get());
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (StreamConstraintsException e) {
            return Validated.invalid(RejectReason.NESTING_TOO_DEEP,
                    "JSON nesting deeper than " + limits.maxNestingDepth());
        } catch (JsonProcessingException e) {
            return Validated.invalid(RejectReason.MALFORMED_JSON, "JSON syntax error" + at(e.getLocation()));
        } catch (java.io.IOException e) {
            return Validated.invalid(RejectReason.MALFORMED_JSON, "unreadable JSON");
        }
        if (node == null || !node.isObject()) {
            return Validated.invalid(RejectReason.NOT_AN_OBJECT, "value is not a JSON object");
        }
        return Validated.valid((ObjectNode) node);
    }

    private static Optional<String> utf8Error(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("value is not valid UTF-8");
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
