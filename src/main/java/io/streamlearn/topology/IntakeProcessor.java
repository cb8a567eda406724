package io.streamlearn.topology;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;

import io.streamlearn.event.DeadLetterHeaders;
import io.streamlearn.event.SourcePosition;
import io.streamlearn.event.Validated;

/**
 * Validates raw input records. Valid ones go on as {@link Intake.Accepted}; invalid ones as
 * {@link Intake.Rejected} with dead-letter headers naming the reason and where the record came from.
 * Logs carry the reason and position only, never payload text.
 */
final class IntakeProcessor<T> implements Processor<Bytes, byte[], Bytes, Intake<T>> {

    interface Validator<T> {
        Validated<T> validate(byte[] value, SourcePosition source);
    }

    private static final Logger LOG = Logger.getLogger(IntakeProcessor.class);

    private final Validator<T> validator;
    private ProcessorContext<Bytes, Intake<T>> context;

    IntakeProcessor(Validator<T> validator) {
        this.validator = validator;
    }

    @Override
    public void init(ProcessorContext<Bytes, Intake<T>> context) {
        this.context = context;
    }

    @Override
    public void process(Record<Bytes, byte[]> record) {
        SourcePosition source = sourceOf(record);
        Validated<T> outcome = validator.validate(record.value(), source);
        if (outcome instanceof Validated.Valid<T> valid) {
            context.forward(record.withValue(new Intake.Accepted<>(valid.value())));
        } else {
            Validated.Invalid<T> invalid = (Validated.Invalid<T>) outcome;
            LOG.debugf("dead-lettering %s-%d@%d: %s", source.topic(), source.partition(), source.offset(),
                    invalid.rejection().reason().code());
            DeadLetterHeaders.annotate(record.headers(), invalid.rejection(), source);
            context.forward(record.withValue(new Intake.Rejected<>(record.value())));
        }
    }

    private SourcePosition sourceOf(Record<Bytes, byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow();
        return new SourcePosition(metadata.topic(), metadata.partition(), metadata.offset(), record.timestamp());
    }
}
