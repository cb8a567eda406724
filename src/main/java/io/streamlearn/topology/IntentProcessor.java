package io.streamlearn.topology;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.checkpoint.JournaledCheckpoint;
import io.streamlearn.event.DeadLetterHeaders;
import io.streamlearn.event.JsonSerde;
import io.streamlearn.event.RejectReason;
import io.streamlearn.event.Rejection;
import io.streamlearn.event.SourcePosition;
import io.streamlearn.event.SupportFeedback;
import io.streamlearn.event.SupportMessage;
import io.streamlearn.event.SupportPrediction;
import io.streamlearn.intent.IntentAnswer;
import io.streamlearn.intent.IntentClassifier;
import io.streamlearn.intent.IntentExample;
import io.streamlearn.intent.IntentQuery;
import io.streamlearn.learn.ClassificationMetrics;
import io.streamlearn.learn.ModelHandle;
import io.streamlearn.learn.TaskModels;

/**
 * Test-then-train for the intent task. A message is answered from the current model, its text kept
 * for feedback, and — when it carries an intent — buffered for the next mini-batch. Feedback is
 * joined to the kept text and buffered the same way; feedback for an unknown or expired message
 * goes to the dead-letter topic. Every state change is written to the task's stores in the same
 * transaction as the outputs. Customer text is never logged.
 */
final class IntentProcessor implements Processor<String, SupportEvent, String, SupportOutcome> {

    private static final Logger LOG = Logger.getLogger(IntentProcessor.class);
    /** How often (in stream time) expired texts are purged; expiry is per day, so a minute is ample. */
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final SupportSettings settings;
    private final TaskModels<IntentQuery, IntentAnswer, IntentExample, IntentClassifier> models;
    private final ClassificationMetrics quality;
    private final JsonSerde<SupportFeedback> feedbackSerde = new JsonSerde<>(SupportFeedback.class);
    private ProcessorContext<String, SupportOutcome> context;
    private JournaledCheckpoint<IntentExample, IntentExample> checkpoint;
    private ExampleBuffer<IntentExample> pending;
    private MessageArchive archive;
    private ModelHandle<IntentQuery, IntentAnswer, IntentExample, IntentClassifier> model;
    private int partition;

    IntentProcessor(SupportSettings settings,
            TaskModels<IntentQuery, IntentAnswer, IntentExample, IntentClassifier> models,
            ClassificationMetrics quality) {
        this.settings = settings;
        this.models = models;
        this.quality = quality;
    }

    @Override
    public void init(ProcessorContext<String, SupportOutcome> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        this.checkpoint = new JournaledCheckpoint<>(new CheckpointStore(context.getStateStore(StoreNames.INTENT_MODEL)),
                context.getStateStore(StoreNames.INTENT_JOURNAL), example -> example, settings.checkpointInterval());
        this.archive = new MessageArchive(context.getStateStore(StoreNames.INTENT_MESSAGES),
                context.getStateStore(StoreNames.INTENT_MESSAGE_EXPIRY), settings.messageRetention());
        this.model = new ModelHandle<>(restoreOrCreateModel());
        models.register(partition, model);
        Duration tick = Duration.ofMillis(Math.max(5, settings.batching().maxWait().toMillis() / 2));
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::learnIfDue);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, archive::purge);
    }

    @Override
    public void process(Record<String, SupportEvent> record) {
        if (record.value() instanceof SupportEvent.Message message) {
            answer(record, message.message());
        } else {
            learnFeedback(record, ((SupportEvent.Feedback) record.value()).feedback());
        }
        if (settings.batching().isFull(pending.size())) {
            learnPending();
        }
    }

    @Override
    public void close() {
        models.unregister(partition, model);
    }

    private void answer(Record<String, SupportEvent> record, SupportMessage message) {
        if (archive.contains(message.messageId())) {
            // A producer retry or replay of an id already answered: one prediction per message.
            deadLetter(record, message.messageId(), messageBytes(message), RejectReason.DUPLICATE_MESSAGE,
                    "messageId was already received", null);
            return;
        }
        IntentAnswer answer = model.predict(new IntentQuery(message.text()));
        SupportPrediction prediction = new SupportPrediction(message.messageId(), message.conversationId(),
                answer.intent(), answer.confidence(), answer.alternatives(), model.read(IntentClassifier::version),
                System.currentTimeMillis());
        context.forward(new Record<String, SupportOutcome>(message.predictionKey(),
                new SupportOutcome.Answered(prediction), record.timestamp()));
        quality.recordAnswer(answer.intent());
        models.metrics().recordPrediction(message.intent() != null && message.intent().equals(answer.intent()) ? 1 : 0,
                message.intent() != null);
        archive.keep(message.messageId(), message.text(), record.timestamp(), answer.intent());
        if (message.intent() != null) {
            quality.recordLabelled(answer.intent(), message.intent());
            toLearn(new IntentExample(message.text(), message.intent()));
        }
    }

    private void learnFeedback(Record<String, SupportEvent> record, SupportFeedback feedback) {
        MessageArchive.Lookup found = archive.lookup(feedback.messageId(), record.timestamp());
        if (found instanceof MessageArchive.Lookup.Found hit) {
            quality.recordLabelled(hit.message().answeredIntent(), feedback.intent());
            toLearn(new IntentExample(hit.message().text(), feedback.intent()));
            return;
        }
        boolean expired = found instanceof MessageArchive.Lookup.Expired;
        deadLetter(record, feedback.messageId(), feedbackSerde.serialize(null, feedback),
                expired ? RejectReason.EXPIRED_MESSAGE : RejectReason.UNKNOWN_MESSAGE,
                expired ? "the message's text is past its retention" : "no message with this messageId was received",
                feedback.source());
    }

    private void deadLetter(Record<String, SupportEvent> record, String key, byte[] value, RejectReason reason,
            String detail, SourcePosition source) {
        SourcePosition position = source != null ? source : currentPosition(record);
        LOG.debugf("dead-lettering %s-%d@%d: %s", position.topic(), position.partition(), position.offset(),
                reason.code());
        DeadLetterHeaders.annotate(record.headers(), new Rejection(reason, detail), position);
        context.forward(new Record<String, SupportOutcome>(key, new SupportOutcome.DeadLetter(value),
                record.timestamp(), record.headers()));
    }

    private SourcePosition currentPosition(Record<String, SupportEvent> record) {
        return context.recordMetadata()
                .map(m -> new SourcePosition(m.topic(), m.partition(), m.offset(), record.timestamp()))
                .orElse(new SourcePosition("unknown", -1, -1, record.timestamp()));
    }

    private static byte[] messageBytes(SupportMessage message) {
        return new JsonSerde<>(SupportMessage.class).serialize(null, message);
    }

    /** Journals a labelled example and queues it for the next mini-batch. */
    private void toLearn(IntentExample example) {
        checkpoint.append(example);
        pending.add(example, context.currentSystemTimeMs());
    }

    private IntentClassifier restoreOrCreateModel() {
        JournaledCheckpoint.Restored<IntentClassifier, IntentExample> restored =
                checkpoint.restore(new IntentClassifier(settings.model()));
        pending = new ExampleBuffer<>(restored.pending(), context.currentSystemTimeMs());
        IntentClassifier classifier = restored.model();
        if (classifier.version() > 0) {
            LOG.infof("task %s: intent model restored at version %d with %d intents, %d examples pending, in %d ms",
                    context.taskId(), classifier.version(), classifier.intents().size(), pending.size(), restored.millis());
        }
        return classifier;
    }

    private void learnIfDue(long now) {
        if (settings.batching().isDue(pending.size(), pending.oldestArrivalMillis(), now)) {
            learnPending();
        }
    }

    private void learnPending() {
        List<IntentExample> batch = pending.drain();
        Set<String> changed = model.learn(batch);
        long version = model.read(IntentClassifier::version);
        checkpoint.learned(version, changed, model);
        models.metrics().recordUpdate(batch.size(), version);
    }
}
