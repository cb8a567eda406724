package io.streamlearn.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Validates raw {@code support-messages} records against the event contract (README, "Event contract"). */
public final class SupportMessageValidator {

    private final JsonPayloadReader reader;
    private final ValidationLimits limits;

    public SupportMessageValidator(ValidationLimits limits) {
        this.limits = limits;
        this.reader = new JsonPayloadReader(limits);
    }

    public Validated<SupportMessage> validate(byte[] value, SourcePosition source) {
        Validated<ObjectNode> parsed = reader.read(value);
        if (parsed instanceof Validated.Invalid<ObjectNode> invalid) {
            return new Validated.Invalid<>(invalid.rejection());
        }
        ObjectFields fields = new ObjectFields(((Validated.Valid<ObjectNode>) parsed).value(), limits);
        String messageId = fields.requiredId("messageId");
        String conversationId = fields.optionalId("conversationId");
        String text = fields.requiredMessageText("text");
        String intent = fields.optionalId("intent");
        Long timestamp = fields.optionalEpochMillis("timestamp");
        if (fields.rejection().isPresent()) {
            return new Validated.Invalid<>(fields.rejection().get());
        }
        return Validated.valid(new SupportMessage(messageId, conversationId, text, intent,
                timestamp != null ? timestamp : source.recordTimestamp()));
    }
}
