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

        RecommendationQuery query = new RecommendationQuery("i3", List.of("i1", "i5"), Set.of("i1")::contains);
        assertThat(restored.model().version()).isEqualTo(7);
        assertThat(restored.model().predict(query)).isEqualTo(model.predict(query));
        assertThat(restored.pending()).isEqualTo(unfinished);
        assertThat(restored.answered()).isEqualTo(2);
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

    private JournaledCheckpoint<TrainingExample, TrainingExample> journaled() {
        return new JournaledCheckpoint<>(new CheckpointStore(rows), journal, example -> example, 3);
    }

    private static void learnThroughJournal(JournaledCheckpoint<TrainingExample, TrainingExample> checkpoint,
            ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model, List<TrainingExample> batch) {
        batch.forEach(checkpoint::append);
        Set<String> changed = model.learn(batch);
        checkpoint.learned(model.read(SequenceRecommender::version), changed, model);
    }

    private long storedVersion() {
        return java.nio.ByteBuffer.wrap(rows.get("meta/version")).getLong();
    }

    private static List<TrainingExample> batch(int step) {
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new TrainingExample(List.of("i" + i, "i" + (i + step) % 10), "i" + ((i * 7 + step) % 12), 1f,
                    step * 100L + i));
        }
        return batch;
    }
}
