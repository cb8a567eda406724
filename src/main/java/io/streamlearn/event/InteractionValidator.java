package io.streamlearn.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Validates raw {@code interactions} records against the event contract (see README, "Event contract"). */
public final class InteractionValidator {

    private final JsonPayloadReader reader;
    private final ValidationLimits limits;

    public InteractionValidator(ValidationLimits limits) {
        this.limits = limits;
        this.reader = new JsonPayloadReader(limits);
    }

    public Validated<Interaction> validate(byte[] value, SourcePosition source) {
        Validated<ObjectNode> parsed = reader.read(value);
        if (parsed instanceof Validated.Invalid<ObjectNode> invalid) {
            return new Validated.Invalid<>(invalid.rejection());
        }
        ObjectFields fields = new ObjectFields(((Validated.Valid<ObjectNode>) parsed).value(), limits);
        String userId = fields.requiredId("userId");
        String itemId = fields.requiredId("itemId");
        String typeName = fields.requiredText("type");
        Double number = fields.optionalFiniteNumber("value");
        Long timestamp = fields.optionalEpochMillis("timestamp");
        String eventId = fields.optionalId("eventId");
        InteractionType type = typeName == null ? null : InteractionType.fromWireName(typeName).orElse(null);
        if (typeName != null && type == null) {
            fields.reject(RejectReason.UNKNOWN_TYPE,
                    "field 'type' must be one of view, click, add_to_cart, purchase, rating");
        }
        if (type == InteractionType.RATING && number == null) {
            fields.reject(RejectReason.MISSING_FIELD, "a rating needs the field 'value'");
        }
        if (fields.rejection().isPresent()) {
            return new Validated.Invalid<>(fields.rejection().get());
        }
        return Validated.valid(new Interaction(
                eventId != null ? eventId : source.derivedEventId(),
                userId, itemId, type, number,
                timestamp != null ? timestamp : source.recordTimestamp()));
    }
}
