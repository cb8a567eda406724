package io.streamlearn.event;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed, limit-checked access to the fields of one JSON object. Each accessor returns the value or
 * records the first rejection; callers check {@link #rejection()} once after reading every field.
 */
final class ObjectFields {

    private final ObjectNode object;
    private final ValidationLimits limits;
    private Rejection rejection;

    ObjectFields(ObjectNode object, ValidationLimits limits) {
        this.object = object;
        this.limits = limits;
    }

    Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    String requiredId(String field) {
        String text = requiredText(field);
        return text == null ? null : checkedId(field, text);
    }

    String optionalId(String field) {
        String text = optionalText(field);
        return text == null ? null : checkedId(field, text);
    }

    String requiredText(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            reject(RejectReason.MISSING_FIELD, "required field '" + field + "' is missing");
            return null;
        }
        return textOf(field, node);
    }

    String optionalText(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : textOf(field, node);
    }

    /** Text that must hold something besides white space, at most {@code maxTextLength} code points. */
    String requiredMessageText(String field) {
        String text = requiredText(field);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            reject(RejectReason.EMPTY_TEXT, "field '" + field + "' is empty");
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > limits.maxTextLength()) {
            reject(RejectReason.TEXT_TOO_LONG,
                    "field '" + field + "' is " + length + " characters, limit " + limits.maxTextLength());
            return null;
        }
        return text;
    }

    Double optionalFiniteNumber(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            reject(RejectReason.WRONG_TYPE, "field '" + field + "' must be a number");
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            reject(RejectReason.NON_FINITE_NUMBER, "field '" + field + "' must be a finite number");
            return null;
        }
        return value;
    }

    Long optionalEpochMillis(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            reject(RejectReason.WRONG_TYPE, "field '" + field + "' must be a non-negative integer (epoch millis)");
            return null;
        }
        return node.longValue();
    }

    void reject(RejectReason reason, String detail) {
        if (rejection == null) {
            rejection = new Rejection(reason, detail);
        }
    }

    private String textOf(String field, JsonNode node) {
        if (!node.isTextual()) {
            reject(RejectReason.WRONG_TYPE, "field '" + field + "' must be a string");
            return null;
        }
        return node.textValue();
    }

    private String checkedId(String field, String id) {
        if (id.isBlank()) {
            reject(RejectReason.EMPTY_ID, "field '" + field + "' is empty");
            return null;
        }
        if (id.length() > limits.maxIdLength()) {
            reject(RejectReason.ID_TOO_LONG,
                    "field '" + field + "' is " + id.length() + " characters, limit " + limits.maxIdLength());
            return null;
        }
        return id;
    }
}
