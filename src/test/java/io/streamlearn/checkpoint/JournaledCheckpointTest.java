package io.streamlearn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.streamlearn.event.JsonSerde;
import io.streamlearn.fixtures.SeenSets;
import io.streamlearn.learn.ModelHandle;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.recommend.SequenceRecommender;
import io.streamlearn.recommend.TrainingExample;

class JournaledCheckpointTest {

    private static final RecommenderConfig CONFIG = RecommenderConfig.builder().dimension(8).negatives(6).topK(5).build();
    private KeyValueStore<String, byte[]> rows;
    private KeyValueStore<Long, TrainingExample> journal;

    @BeforeEach
    void openStores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        rows = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("rows"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        journal = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("journal"), Serdes.Long(),
                new JsonSerde<>(TrainingExample.class)).withLoggingDisabled().build();
        rows.init(context.getStateStoreContext(), rows);
        journal.init(context.getStateStoreContext(), journal);
    }

    @Test
    void restoredModelEqualsLiveModelAndKeepsUnfinishedBatch() {
        JournaledCheckpoint<TrainingExample, TrainingExample> live = journaled();
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(live.restore(new SequenceRecommender(CONFIG)).model());
        for (int step = 0; step < 7; step++) {
            learnThroughJournal(live, model, batch(step));
        }
        List<TrainingExample> unfinished = batch(7).subList(0, 3);
        unfinished.forEach(live::append);

        live.answered(2);
        JournaledCheckpoint.Restored<SequenceRecommender, TrainingExample> restored =
                journaled().restore(new SequenceRecommender(CONFIG));

        RecommendationQuery query = new RecommendationQuery("i3", List.of("i1", "i5"), SeenSets.of("i1"));
        assertThat(restored.model().version()).isEqualTo(7);
        assertThat(restored.model().predict(query)).isEqualTo(model.predict(query));
        assertThat(restored.pending()).isEqualTo(unfinished);
        assertThat(restored.answered()).isEqualTo(2);
    }

    /** The user store orders each user's items by these keys, so they must only grow, across restores too. */
    @Test
    void nextKeyGrowsWithEveryEntryAndBatchAndAfterARestore() {
        JournaledCheckpoint<TrainingExample, TrainingExample> live = journaled();
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(live.restore(new SequenceRecommender(CONFIG)).model());
        List<Long> keys = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            for (TrainingExample example : batch(step)) {
                keys.add(live.nextKey());
                live.append(example);
            }
            live.learned(model.read(SequenceRecommender::version) + 1, model.learn(batch(step)), model);
        }
        keys.add(live.nextKey());
        batch(4).subList(0, 2).forEach(live::append);
        JournaledCheckpoint<TrainingExample, TrainingExample> restarted = journaled();
        restarted.restore(new SequenceRecommender(CONFIG));
        keys.add(restarted.nextKey());

        assertThat(keys).isSorted().doesNotHaveDuplicates();
        assertThat(keys.get(keys.size() - 1)).isEqualTo(keys.get(keys.size() - 2) + 2);
    }

    @Test
    void writesModelRowsOnlyEveryIntervalThenDrainsTheCoveredJournalOverTheNextBatches() {
        JournaledCheckpoint<TrainingExample, TrainingExample> checkpoint = journaled();
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(checkpoint.restore(new SequenceRecommender(CONFIG)).model());
        learnThroughJournal(checkpoint, model, batch(0));
        learnThroughJournal(checkpoint, model, batch(1));

        assertThat(storedVersion()).isZero();
        assertThat(journal.approximateNumEntries()).isEqualTo(20);

        learnThroughJournal(checkpoint, model, batch(2));

        assertThat(storedVersion()).isEqualTo(3);
        assertThat(journal.approximateNumEntries()).as("30 covered, 20 deleted with the checkpoint's batch").isEqualTo(10);

        learnThroughJournal(checkpoint, model, batch(3));

        assertThat(journal.approximateNumEntries()).as("only the batch after the checkpoint").isEqualTo(10);
    }

    @Test
    void aRestoredCheckpointStillDeletesTheJournalEntriesItReplayed() {
        JournaledCheckpoint<TrainingExample, TrainingExample> first = journaled();
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(first.restore(new SequenceRecommender(CONFIG)).model());
        learnThroughJournal(first, model, batch(0));
        batch(1).subList(0, 4).forEach(first::append);
        assertThat(journal.approximateNumEntries()).isEqualTo(14);

        JournaledCheckpoint<TrainingExample, TrainingExample> restarted = journaled();
        JournaledCheckpoint.Restored<SequenceRecommender, TrainingExample> restored =
                restarted.restore(new SequenceRecommender(CONFIG));
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> again = new ModelHandle<>(restored.model());
        List<TrainingExample> rest = batch(1).subList(4, 10);
        rest.forEach(restarted::append);
        List<TrainingExample> whole = new ArrayList<>(restored.pending());
        whole.addAll(rest);
        Set<String> changed = again.learn(whole);
        restarted.learned(again.read(SequenceRecommender::version), changed, again);
        learnThroughJournal(restarted, again, batch(2));
        learnThroughJournal(restarted, again, batch(3));

        assertThat(storedVersion()).isEqualTo(3);
        assertThat(journal.approximateNumEntries()).as("only the batch after the checkpoint").isEqualTo(10);
    }

    @Test
    void spreadsACheckpointOverBatchesAndRestoresFromThePreviousGenerationUntilItIsWritten() {
        JournaledCheckpoint<TrainingExample, TrainingExample> live = journaled(8);
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(live.restore(new SequenceRecommender(CONFIG)).model());
        for (int step = 0; step < 8; step++) {
            learnThroughJournal(live, model, batch(step));
        }
        int rowCount = model.read(SequenceRecommender::snapshot).size();

        assertThat(secondGenerationRows()).as("a quarter of the rows: spread over interval / 2 = 4 batches")
                .isEqualTo((rowCount + 3) / 4);
        assertThat(storedVersion()).as("the first generation is still the complete one").isZero();
        assertRestoresLike(model, 8);

        for (int step = 8; step < 11; step++) {
            learnThroughJournal(live, model, batch(step));
        }

        assertThat(secondGenerationRows()).isEqualTo(rowCount);
        assertThat(storedVersion()).isEqualTo(8);
        assertRestoresLike(model, 11);
    }

    @Test
    void rowsEvictedWhileTheOtherGenerationWasUnknownAreDeletedFromIt() {
        RecommenderConfig small = RecommenderConfig.builder().dimension(8).negatives(6).topK(5).itemCapacity(12).build();
        JournaledCheckpoint<TrainingExample, TrainingExample> first = journaled(2);
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(first.restore(new SequenceRecommender(small)).model());
        for (int step = 0; step < 4; step++) {
            learnThroughJournal(first, model, batch(step, "a"));
        }
        assertThat(rows.get("b/item/a11")).as("the second generation, written at version 2, holds a11").isNotNull();

        JournaledCheckpoint<TrainingExample, TrainingExample> restarted = journaled(2);
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> again =
                new ModelHandle<>(restarted.restore(new SequenceRecommender(small)).model());
        for (int step = 4; step < 6; step++) {
            learnThroughJournal(restarted, again, batch(step, "b"));
        }

        assertThat(again.read(SequenceRecommender::snapshot)).noneMatch(row -> row.key().equals("item/a11"));
        assertThat(rows.get("b/item/a11")).as("evicted since: deleted when that generation was rewritten").isNull();
        SequenceRecommender restored = journaled(2).restore(new SequenceRecommender(small)).model();
        assertThat(restored.snapshot()).extracting(StateRow::key)
                .containsExactlyInAnyOrderElementsOf(again.read(SequenceRecommender::snapshot).stream().map(StateRow::key).toList());
    }

    @Test
    void restoresAStoreWrittenBeforeGenerationsFromItsRowsAndJournal() {
        SequenceRecommender live = new SequenceRecommender(CONFIG);
        for (int step = 0; step < 5; step++) {
            live.learn(batch(step));
        }
        CheckpointStore store = new CheckpointStore(rows);
        // The single-generation layout: model rows under their own keys, no generation marker.
        store.write(live.snapshot());
        for (int step = 5; step < 7; step++) {
            List<TrainingExample> examples = batch(step);
            for (int position = 0; position < examples.size(); position++) {
                // Journal keys: the version the batch produces, then the position in it.
                journal.put((long) (step + 1) << 20 | position, examples.get(position));
            }
            live.learn(examples);
        }
        store.write(List.of(new StateRow(JournaledCheckpoint.LEARNED_KEY,
                java.nio.ByteBuffer.allocate(Long.BYTES).putLong(7).array())));

        SequenceRecommender restored = journaled().restore(new SequenceRecommender(CONFIG)).model();

        RecommendationQuery query = new RecommendationQuery("i3", List.of("i1", "i5"), SeenSets.of("i1"));
        assertThat(restored.version()).isEqualTo(7);
        assertThat(restored.predict(query)).isEqualTo(live.predict(query));
    }

    private void assertRestoresLike(ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> live,
            long version) {
        SequenceRecommender restored = journaled(8).restore(new SequenceRecommender(CONFIG)).model();
        RecommendationQuery query = new RecommendationQuery("i3", List.of("i1", "i5"), SeenSets.of("i1"));
        assertThat(restored.version()).isEqualTo(version);
        assertThat(restored.predict(query)).isEqualTo(live.predict(query));
    }

    private long secondGenerationRows() {
        long count = 0;
        try (var all = rows.prefixScan("b/", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private JournaledCheckpoint<TrainingExample, TrainingExample> journaled() {
        return journaled(3);
    }

    private JournaledCheckpoint<TrainingExample, TrainingExample> journaled(int interval) {
        return new JournaledCheckpoint<>(new CheckpointStore(rows), journal, example -> example, interval);
    }

    private static void learnThroughJournal(JournaledCheckpoint<TrainingExample, TrainingExample> checkpoint,
            ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model, List<TrainingExample> batch) {
        batch.forEach(checkpoint::append);
        Set<String> changed = model.learn(batch);
        checkpoint.learned(model.read(SequenceRecommender::version), changed, model);
    }

    private long storedVersion() {
        return java.nio.ByteBuffer.wrap(new CheckpointStore(rows).readCheckpointed(MetaRows.VERSION_KEY).orElseThrow()).getLong();
    }

    private static List<TrainingExample> batch(int step) {
        return batch(step, "i");
    }

    /** Ten examples over the twelve items {@code <prefix>0..<prefix>11}. */
    private static List<TrainingExample> batch(int step, String prefix) {
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new TrainingExample(List.of(prefix + i, prefix + (i + step) % 10), prefix + ((i * 7 + step) % 12), 1f,
                    step * 100L + i));
        }
        return batch;
    }
}
