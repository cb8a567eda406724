package io.streamlearn.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import io.streamlearn.event.Interaction;
import io.streamlearn.event.InteractionValidator;
import io.streamlearn.event.JsonSerde;
import io.streamlearn.event.SupportFeedback;
import io.streamlearn.event.SupportFeedbackValidator;
import io.streamlearn.event.SupportMessage;
import io.streamlearn.event.SupportMessageValidator;
import io.streamlearn.event.SupportPrediction;
import io.streamlearn.intent.IntentExample;
import io.streamlearn.sync.DeltaArchiver;
import io.streamlearn.sync.SyncSettings;

/**
 * The whole processing graph in one place.
 *
 * <pre>
 * interactions ─ validate ─┬─ rejected ───────────────────────────────────────► streamlearn-dlq
 *                          └─ accepted ─┬─ keyed by userId ──────────┐
 *                                       └─ other key ─ re-key ─ [interactions-by-user] ─┤
 *                                                                                        ▼
 *               recommend-test-then-train (stores: recommend-model, -user-history, -user-seen, -journal) ─┬─► recommendations
 *                        ▲ reads global store recommend-sync-archive                                        └─► streamlearn-model-sync
 * streamlearn-model-sync ─ recommend-sync-archiver (global: every instance, every partition) ─┘
 * </pre>
 *
 * Records already keyed by their userId skip the repartition topic: with Kafka's default
 * partitioner they are on the partition the re-keyed ones would go to anyway. Each task's model
 * replica publishes its parameter increments to the sync topic and folds in the other tasks' from
 * the archive (when {@code streamlearn.recommend.sync.enabled}; see {@link io.streamlearn.sync.ParameterSync}).
 *
 * <pre>
 * support-messages ─ validate ─┬─ rejected ─────────────────────────────────────► streamlearn-dlq
 *                              └─ re-key by messageId ─ [support-messages-by-id] ─┐
 * support-feedback ─ validate ─┬─ rejected ─────────────────────────────────────► streamlearn-dlq
 *                              └─ re-key by messageId ─ [support-feedback-by-id] ─┤
 *                                                                                  ▼
 *   intent-test-then-train (stores: intent-model, -journal, -pending, -messages, -message-expiry)
 *        ├─ predictions (key conversationId, else messageId) ──────────────────────► support-predictions
 *        └─ feedback for unknown / expired messages, duplicate messages ──────────► streamlearn-dlq
 * </pre>
 *
 * Messages arrive keyed by conversation, feedback by message, and the two input topics may be
 * partitioned differently; the join needs both for one messageId in one task. So both are re-keyed
 * by messageId into two internal topics that Kafka Streams creates with the same partition count
 * ({@code streamlearn.intent.model-partitions}, default 1): co-partitioned by construction, whatever
 * the input topics look like. One partition means one intent model that learns from every label;
 * intents have few labelled examples each (CLINC150: 100), and splitting them over independent
 * per-partition models would cost accuracy for throughput the model does not need.
 */
public final class StreamlearnTopology {

    private StreamlearnTopology() {
    }

    public static Topology build(StreamsBuilder builder, TopologySettings settings, ServingModels models) {
        addRecommendation(builder, settings, models);
        addSupport(builder, settings, models);
        return builder.build();
    }

    private static void addRecommendation(StreamsBuilder builder, TopologySettings settings, ServingModels models) {
        TopicNames topics = settings.topics();
        JsonSerde<Interaction> interactionSerde = new JsonSerde<>(Interaction.class);
        addRecommendStores(builder);

        InteractionValidator validator = new InteractionValidator(settings.limits());
        KStream<Bytes, Interaction> accepted = validated(builder, topics.interactions(), "interactions",
                validator::validate, topics.deadLetters());

        Map<String, KStream<Bytes, Interaction>> byKey = accepted.split(Named.as("interactions-keyed-"))
                .branch((key, interaction) -> isKeyedByUser(key, interaction), Branched.as("by-user"))
                .defaultBranch(Branched.as("otherwise"));
        KStream<String, Interaction> direct = byKey.get("interactions-keyed-by-user")
                .selectKey((key, interaction) -> interaction.userId(), Named.as("interactions-user-key"));
        KStream<String, Interaction> rekeyed = byKey.get("interactions-keyed-otherwise")
                .selectKey((key, interaction) -> interaction.userId(), Named.as("interactions-rekey"))
                .repartition(Repartitioned.with(Serdes.String(), interactionSerde).withName("interactions-by-user"));

        Map<String, KStream<String, RecommendOutput>> outputs = direct.merge(rekeyed, Named.as("interactions-by-user-merged"))
                .process(() -> new RecommendProcessor(settings.recommend(), models.recommend()),
                        Named.as("recommend-test-then-train"),
                        StoreNames.RECOMMEND_MODEL, StoreNames.RECOMMEND_USER_SEEN, StoreNames.RECOMMEND_JOURNAL)
                .split(Named.as("recommend-"))
                .branch((key, output) -> output instanceof RecommendOutput.SharedDelta, Branched.as("sync"))
                .defaultBranch(Branched.as("answers"));
        outputs.get("recommend-answers")
                .mapValues(output -> ((RecommendOutput.Answer) output).json(), Named.as("recommend-answer"))
                .to(topics.recommendations(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("recommendations-sink"));
        outputs.get("recommend-sync")
                .mapValues(output -> ((RecommendOutput.SharedDelta) output).frame(), Named.as("recommend-sync-frame"))
                .to(topics.modelSync(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("recommend-sync-sink"));
        if (settings.recommend().sync().enabled()) {
            addSyncArchive(builder, topics.modelSync(), settings.recommend().sync());
        }
    }

    /** The archive is a global store: every task reads every other task's publications from its own instance. */
    private static void addSyncArchive(StreamsBuilder builder, String syncTopic, SyncSettings sync) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_SYNC_ARCHIVE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled(),
                syncTopic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("recommend-sync-source"),
                () -> new DeltaArchiver(StoreNames.RECOMMEND_SYNC_ARCHIVE, sync.retainedSequences()));
    }

    private static void addSupport(StreamsBuilder builder, TopologySettings settings, ServingModels models) {
        TopicNames topics = settings.topics();
        SupportSettings support = settings.support();
        addIntentStores(builder);

        SupportMessageValidator messageValidator = new SupportMessageValidator(settings.limits());
        KStream<String, SupportEvent> messages = validated(builder, topics.supportMessages(), "support-messages",
                messageValidator::validate, topics.deadLetters())
                .selectKey((key, message) -> message.messageId(), Named.as("support-messages-rekey"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(SupportMessage.class))
                        .withName("support-messages-by-id").withNumberOfPartitions(support.modelPartitions()))
                .mapValues(SupportEvent.Message::new, Named.as("support-messages-event"));

        SupportFeedbackValidator feedbackValidator = new SupportFeedbackValidator(settings.limits());
        KStream<String, SupportEvent> feedback = validated(builder, topics.supportFeedback(), "support-feedback",
                feedbackValidator::validate, topics.deadLetters())
                .selectKey((key, value) -> value.messageId(), Named.as("support-feedback-rekey"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(SupportFeedback.class))
                        .withName("support-feedback-by-id").withNumberOfPartitions(support.modelPartitions()))
                .mapValues(SupportEvent.Feedback::new, Named.as("support-feedback-event"));

        Map<String, KStream<String, SupportOutcome>> outcomes = messages
                .merge(feedback, Named.as("support-events"))
                .process(() -> new IntentProcessor(support, models.intent(), models.intentQuality()),
                        Named.as("intent-test-then-train"), StoreNames.INTENT_MODEL, StoreNames.INTENT_JOURNAL,
                        StoreNames.INTENT_MESSAGES, StoreNames.INTENT_MESSAGE_EXPIRY)
                .split(Named.as("intent-"))
                .branch((key, outcome) -> outcome instanceof SupportOutcome.DeadLetter, Branched.as("dead-letters"))
                .defaultBranch(Branched.as("answered"));
        outcomes.get("intent-answered")
                .mapValues(outcome -> ((SupportOutcome.Answered) outcome).prediction(), Named.as("intent-prediction"))
                .to(topics.supportPredictions(), Produced.with(Serdes.String(), new JsonSerde<>(SupportPrediction.class))
                        .withName("support-predictions-sink"));
        outcomes.get("intent-dead-letters")
                .mapValues(outcome -> ((SupportOutcome.DeadLetter) outcome).value(), Named.as("intent-dead-letter-value"))
                .to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("intent-dead-letters-sink"));
    }

    private static void addIntentStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.INTENT_MODEL), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.INTENT_JOURNAL), Serdes.Long(),
                new JsonSerde<>(IntentExample.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.INTENT_MESSAGES), Serdes.String(),
                new JsonSerde<>(ArchivedMessage.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.INTENT_MESSAGE_EXPIRY), Serdes.Bytes(), Serdes.ByteArray()));
    }

    /**
     * No store has a record cache. A cache only saves writes of a key rewritten within one commit
     * interval (100 ms): a user–item pair is rewritten only when the user comes back to the item
     * (sessions interleave, so one user's interactions are seconds apart), and model and journal
     * keys are rarely rewritten (the model store is also written while the task initialises, when a
     * cache could not flush yet). What a cache did cost the user store was a sorted-map lookup per
     * access and a burst of writes at every commit. The processor holds its active users' state
     * itself ({@link UserItems}). Builds before it also kept a {@code recommend-user-history} store,
     * which is no longer read or written: the user's history is derived from the pairs.
     */
    private static void addRecommendStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_MODEL), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_USER_SEEN), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_JOURNAL), Serdes.Long(),
                new PendingAnswerSerde()));
    }

    /**
     * Reads a topic as raw bytes, validates each record, sends rejected ones (original key, value
     * and headers, plus the reason) to the dead-letter topic, and returns the accepted values.
     */
    static <T> KStream<Bytes, T> validated(StreamsBuilder builder, String topic, String name,
            IntakeProcessor.Validator<T> validator, String deadLetterTopic) {
        Map<String, KStream<Bytes, Intake<T>>> outcomes = builder
                .stream(topic, Consumed.with(Serdes.Bytes(), Serdes.ByteArray()).withName(name + "-source"))
                .process(() -> new IntakeProcessor<>(validator), Named.as(name + "-validate"))
                .split(Named.as(name + "-"))
                .branch((key, intake) -> intake instanceof Intake.Rejected<T>, Branched.as("rejected"))
                .defaultBranch(Branched.as("accepted"));
        outcomes.get(name + "-rejected")
                .mapValues(intake -> ((Intake.Rejected<T>) intake).rawValue(), Named.as(name + "-raw-value"))
                .to(deadLetterTopic, Produced.with(Serdes.Bytes(), Serdes.ByteArray()).withName(name + "-dead-letters"));
        return outcomes.get(name + "-accepted")
                .mapValues(intake -> ((Intake.Accepted<T>) intake).value(), Named.as(name + "-accepted-value"));
    }

    private static boolean isKeyedByUser(Bytes key, Interaction interaction) {
        return key != null && Arrays.equals(key.get(), interaction.userId().getBytes(StandardCharsets.UTF_8));
    }
}
