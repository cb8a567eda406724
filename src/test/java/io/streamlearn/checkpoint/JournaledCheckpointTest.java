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
    void restoredModelEqualsLiveModelAfterReplayingJournal() {
        JournaledCheckpoint<TrainingExample> live = new JournaledCheckpoint<>(new CheckpointStore(rows), journal, 3);
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(live.restore(new SequenceRecommender(CONFIG)));
        for (int step = 0; step < 7; step++) {
            List<TrainingExample> batch = batch(step);
            Set<String> changed = model.learn(batch);
            live.learned(step + 1, batch, changed, model);
        }

        SequenceRecommender restored = new JournaledCheckpoint<>(new CheckpointStore(rows), journal, 3)
                .restore(new SequenceRecommender(CONFIG));

        RecommendationQuery query = new RecommendationQuery("i3", List.of("i1", "i5"), Set.of("i1")::contains);
        assertThat(restored.version()).isEqualTo(7);
        assertThat(restored.predict(query)).isEqualTo(model.predict(query));
    }

    @Test
    void writesRowsOnlyEveryIntervalAndKeepsJournalBetween() {
        JournaledCheckpoint<TrainingExample> checkpoint = new JournaledCheckpoint<>(new CheckpointStore(rows), journal, 3);
        ModelHandle<RecommendationQuery, ?, TrainingExample, SequenceRecommender> model =
                new ModelHandle<>(checkpoint.restore(new SequenceRecommender(CONFIG)));
        long rowsAtStart = rows.approximateNumEntries();
        for (int step = 0; step < 2; step++) {
            List<TrainingExample> batch = batch(step);
            checkpoint.learned(step + 1, batch, model.learn(batch), model);
        }
        assertThat(rows.approximateNumEntries()).isEqualTo(rowsAtStart);
        assertThat(journal.approximateNumEntries()).isEqualTo(20);

        List<TrainingExample> third = batch(2);
        checkpoint.learned(3, third, model.learn(third), model);

        assertThat(rows.approximateNumEntries()).isGreaterThan(rowsAtStart);
        assertThat(journal.approximateNumEntries()).isZero();
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
