package io.streamlearn.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.checkpoint.JournaledCheckpoint;
import io.streamlearn.checkpoint.StateRow;
import io.streamlearn.fixtures.SeenSets;
import io.streamlearn.fixtures.TrainingBatches;
import io.streamlearn.learn.ModelHandle;
import io.streamlearn.recommend.ItemDelta;
import io.streamlearn.recommend.ItemDeltaCodec;
import io.streamlearn.recommend.RecommendationAnswer;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.recommend.SequenceRecommender;
import io.streamlearn.recommend.TrainingExample;

/**
 * One task's exchanges with real (in-memory) stores, a real archive fed by {@link DeltaArchiver},
 * and another replica publishing into it.
 */
class ParameterSyncTest {

    private static final RecommenderConfig CONFIG = RecommenderConfig.builder().dimension(8).negatives(4).topK(5).build();
    private static final SyncSettings SETTINGS = new SyncSettings(true, Duration.ofSeconds(1), 10, Duration.ofSeconds(20));
    private static final RecommendationQuery QUERY =
            new RecommendationQuery("i3", List.of("i1", "i12"), SeenSets.of("i1"));

    private KeyValueStore<String, byte[]> modelStore;
    private KeyValueStore<Long, TrainingExample> journal;
    private KeyValueStore<String, byte[]> archive;
    private DeltaArchiver archiver;
    private final List<byte[]> published = new ArrayList<>();
    private long clock = 1_000;

    @BeforeEach
    void stores() {
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        modelStore = store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("model"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build(), context);
        journal = store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("journal"), Serdes.Long(),
                new io.streamlearn.event.JsonSerde<>(TrainingExample.class)).withLoggingDisabled().build(), context);
        archive = store(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("archive"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build(), context);
        context.addStateStore(archive);
        archiver = new DeltaArchiver("archive", SETTINGS.retainedSequences());
        archiver.init(context);
    }

    @Test
    void restoreRedoesExchangesRecordedSinceTheCheckpoint() {
        Task task = new Task();
        SequenceRecommender other = new SequenceRecommender(CONFIG, true);
        for (int step = 0; step < 3; step++) {
            task.learn(TrainingBatches.cyclic(8, step, 0));
            other.learn(TrainingBatches.cyclic(8, step, 10));
            archive(other.takeOwnDelta(), step + 1);
            assertThat(task.sync.checkpointDue()).isFalse();
            task.checkpoint.markDirty(task.sync.exchangeAndRecord(task.model.read(SequenceRecommender::version)));
        }
        task.learn(TrainingBatches.cyclic(8, 3, 0));
        RecommendationAnswer before = task.model.predict(QUERY);

        Task restored = new Task();

        assertThat(restored.model.predict(QUERY)).isEqualTo(before);
        assertThat(before.topK()).extracting(item -> item.itemId()).anyMatch(id -> id.compareTo("i10") >= 0);
        assertThat(published).as("own increments published once per exchange, not again on restore").hasSize(3);
    }

    @Test
    void checkpointExchangeStoresTheLedgerAndDropsTheRecords() {
        Task task = taskAfterOneBatchWithTheOthersFirstPublicationArchived(2);
        task.checkpoint.markDirty(task.sync.exchangeAndRecord(task.model.read(SequenceRecommender::version)));
        assertThat(storedMarkers()).isNotEmpty();

        task.checkpoint.checkpointNow(task.model);
        RecommendationAnswer before = task.model.predict(QUERY);

        assertThat(storedMarkers()).isEmpty();
        assertThat(new Task().model.predict(QUERY)).isEqualTo(before);
        assertThat(new Task().sync.exchangeAndRecord(1)).as("publication 1 of the other already folded in").isEmpty();
    }

    @Test
    void aRestoreWhileTheCheckpointIsStillBeingWrittenRedoesItsExchange() {
        Task task = taskAfterOneBatchWithTheOthersFirstPublicationArchived(8);

        task.checkpoint.checkpointNow(task.model);
        RecommendationAnswer before = task.model.predict(QUERY);

        assertThat(storedMarkers()).as("the checkpoint's own exchange, kept until it is written").hasSize(1);
        assertThat(new Task(8).model.predict(QUERY)).isEqualTo(before);
        for (int step = 1; step <= 4; step++) {
            task.learn(TrainingBatches.cyclic(8, step, 0));
        }
        assertThat(storedMarkers()).as("written over 4 batches, then the marker is dropped").isEmpty();
        assertThat(new Task(8).model.predict(QUERY)).isEqualTo(task.model.predict(QUERY));
        assertThat(published).as("own increments published once, not again on either restore").hasSize(1);
    }

    private Task taskAfterOneBatchWithTheOthersFirstPublicationArchived(int checkpointInterval) {
        Task task = new Task(checkpointInterval);
        SequenceRecommender other = new SequenceRecommender(CONFIG, true);
        task.learn(TrainingBatches.cyclic(8, 0, 0));
        other.learn(TrainingBatches.cyclic(8, 0, 10));
        archive(other.takeOwnDelta(), 1);
        return task;
    }

    private List<StateRow> storedMarkers() {
        return new CheckpointStore(modelStore).readPrefix(ExchangeMarker.PREFIX);
    }

    @Test
    void archiveKeepsOnlyTheRetainedPublicationsOfEachSource() {
        SequenceRecommender other = new SequenceRecommender(CONFIG, true);
        for (int sequence = 1; sequence <= SETTINGS.retainedSequences() + 5; sequence++) {
            other.learn(TrainingBatches.cyclic(8, sequence, 10));
            archive(other.takeOwnDelta(), sequence);
        }

        assertThat(archive.get(DeltaKeys.part("recommend/1", 5, 0))).isNull();
        assertThat(archive.get(DeltaKeys.part("recommend/1", 6, 0))).isNotNull();
    }

    /** One task: model, journal, checkpoint and sync on the shared stores, restored from them. */
    private final class Task {
        final SequenceRecommender recommender = new SequenceRecommender(CONFIG, true);
        final ModelHandle<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(recommender);
        final ParameterSync<ItemDelta> sync;
        final JournaledCheckpoint<TrainingExample, TrainingExample> checkpoint;

        Task() {
            this(1000);
        }

        Task(int checkpointInterval) {
            CheckpointStore rows = new CheckpointStore(modelStore);
            sync = new ParameterSync<>(new ParameterSync.SyncSource<>("recommend/0", recommender, new ItemDeltaCodec(8)),
                    new ParameterSync.SyncChannel(archive, (source, frame) -> published.add(frame)), SETTINGS, rows,
                    () -> clock);
            checkpoint = new JournaledCheckpoint<>(rows, journal, example -> example, checkpointInterval, sync);
            checkpoint.restore(recommender);
        }

        void learn(List<TrainingExample> batch) {
            batch.forEach(checkpoint::append);
            Set<String> changed = model.learn(batch);
            checkpoint.learned(recommender.version(), changed, model);
        }
    }

    private void archive(List<ItemDelta> delta, long sequence) {
        ItemDeltaCodec codec = new ItemDeltaCodec(8);
        for (DeltaFrame frame : DeltaFrame.split(sequence, delta.stream().map(codec::encode).toList())) {
            archiver.process(new Record<>("recommend/1", frame.encode(), clock));
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends org.apache.kafka.streams.processor.StateStore> S store(S store, MockProcessorContext<Void, Void> context) {
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
