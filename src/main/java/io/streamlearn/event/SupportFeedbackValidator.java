package io.streamlearn.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Validates raw {@code support-feedback} records: a message id and a non-empty intent. */
public final class SupportFeedbackValidator {

    private final JsonPayloadReader reader;
    private final ValidationLimits limits;

    public SupportFeedbackValidator(ValidationLimits limits) {
        this.limits = limits;
        this.reader = new JsonPayloadReader(limits);
    }

    public Validated<SupportFeedback> validate(byte[] value, SourcePosition source) {
        Validated<ObjectNode> parsed = reader.read(value);
        if (parsed instanceof Validated.Invalid<ObjectNode> invalid) {
            return new Validated.Invalid<>(invalid.rejection());
        }
        ObjectFields fields = new ObjectFields(((Validated.Valid<ObjectNode>) parsed).value(), limits);
        String messageId = fields.requiredId("messageId");
        String intent = fields.requiredId("intent");
        if (fields.rejection().isPresent()) {
            return new Validated.Invalid<>(fields.rejection().get());
        }
        return Validated.valid(new SupportFeedback(messageId, intent, source));
    }
}
