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
import io.streamlearn.event.Recommendation;
import io.streamlearn.recommend.UserHistory;

/**
 * The whole processing graph in one place.
 *
 * <pre>
 * interactions ─ validate ─┬─ rejected ───────────────────────────────────────► streamlearn-dlq
 *                          └─ accepted ─┬─ keyed by userId ──────────┐
 *                                       └─ other key ─ re-key ─ [interactions-by-user] ─┤
 *                                                                                        ▼
 *               recommend-test-then-train (stores: recommend-model, -user-history, -user-seen, -journal) ─► recommendations
 * </pre>
 *
 * Records already keyed by their userId skip the repartition topic: with Kafka's default
 * partitioner they are on the partition the re-keyed ones would go to anyway.
 */
public final class StreamlearnTopology {

    private StreamlearnTopology() {
    }

    public static Topology build(StreamsBuilder builder, TopologySettings settings, ServingModels models) {
        addRecommendation(builder, settings, models);
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

        direct.merge(rekeyed, Named.as("interactions-by-user-merged"))
                .process(() -> new RecommendProcessor(settings.recommend(), models.recommend()),
                        Named.as("recommend-test-then-train"),
                        StoreNames.RECOMMEND_MODEL, StoreNames.RECOMMEND_USER_HISTORY, StoreNames.RECOMMEND_USER_SEEN,
                        StoreNames.RECOMMEND_JOURNAL)
                .to(topics.recommendations(), Produced.with(Serdes.String(), new JsonSerde<>(Recommendation.class))
                        .withName("recommendations-sink"));
    }

    /**
     * The user stores are cached (a hot user's keys reach the changelog once per commit); the model
     * and journal stores are not: their keys are rarely rewritten, and the model store is written
     * while the task initialises, when a cache cannot flush yet.
     */
    private static void addRecommendStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_MODEL), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_USER_HISTORY), Serdes.String(),
                new JsonSerde<>(UserHistory.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_USER_SEEN), Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.RECOMMEND_JOURNAL), Serdes.Long(),
                new JsonSerde<>(PendingAnswer.class)));
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
