package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.streamlearn.checkpoint.MetaRows;
import io.streamlearn.checkpoint.StateRow;
import io.streamlearn.compute.WorkSharing;
import io.streamlearn.event.ScoredItem;
import io.streamlearn.fixtures.SeenSets;

class SequenceRecommenderTest {

    private static final RecommenderConfig SMALL = RecommenderConfig.builder()
            .dimension(8).negatives(4).topK(3).itemCapacity(100).build();

    @Test
    void learnsWhichItemFollowsWhich() {
        SequenceRecommender model = new SequenceRecommender(SMALL);
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(new TrainingExample(List.of("a"), "b", 1f, i));
            batch.add(new TrainingExample(List.of("c"), "d", 1f, i));
            batch.add(new TrainingExample(List.of(), i % 2 == 0 ? "a" : "c", 1f, i));
        }
        for (int epoch = 0; epoch < 20; epoch++) {
            model.learn(batch);
        }

        assertThat(model.predict(new RecommendationQuery("b", List.of("a"), SeenSets.of("a"))).topK().get(0).itemId())
                .isEqualTo("b");
        assertThat(model.predict(new RecommendationQuery("d", List.of("c"), SeenSets.of("c"))).topK().get(0).itemId())
                .isEqualTo("d");
    }

    @Test
    void restoredCheckpointGivesSamePredictionsAndVersion() {
        SequenceRecommender original = trainedModel();
        List<StateRow> checkpoint = original.snapshot();

        SequenceRecommender restored = new SequenceRecommender(SMALL);
        restored.restore(checkpoint);

        RecommendationQuery query = new RecommendationQuery("i3", List.of("i1", "i2"), SeenSets.of("i1", "i2"));
        assertThat(restored.predict(query)).isEqualTo(original.predict(query));
        assertThat(restored.version()).isEqualTo(original.version());
        assertThat(restored.provenance()).isEqualTo(original.provenance());
    }

    @Test
    void incrementalRowsRebuildTheSameModelAsASnapshot() {
        SequenceRecommender model = new SequenceRecommender(SMALL);
        StoredRows store = StoredRows.of(model);
        for (int step = 0; step < 5; step++) {
            store.learn(model, batch(step));
        }
        SequenceRecommender restored = new SequenceRecommender(SMALL);
        restored.restore(store.rows());

        RecommendationQuery query = new RecommendationQuery("i7", List.of("i4"), SeenSets.of());
        assertThat(restored.predict(query)).isEqualTo(model.predict(query));
        assertThat(restored.version()).isEqualTo(5);
    }

    /** Stepped rows are named once, when taken, by the items they hold then; the batch itself names only the version row. */
    @Test
    void namesTheRowsItSteppedWhenTheyAreTakenOnce() {
        SequenceRecommender model = new SequenceRecommender(SMALL);

        Set<String> named = model.learn(batch(0));

        assertThat(named).containsExactly(MetaRows.VERSION_KEY);
        assertThat(model.takeChangedRows()).hasSize(10).allSatisfy(key -> assertThat(key).startsWith("item/i"));
        assertThat(model.takeChangedRows()).isEmpty();
    }

    @Test
    void admitsNewItemsAndEvictsLongestIdleAtCapacity() {
        SequenceRecommender model = new SequenceRecommender(RecommenderConfig.builder()
                .dimension(4).negatives(2).itemCapacity(3).build());
        model.learn(List.of(new TrainingExample(List.of(), "old", 1f, 1), new TrainingExample(List.of(), "mid", 1f, 2),
                new TrainingExample(List.of(), "new", 1f, 3)));

        java.util.Set<String> changed = model.learn(List.of(new TrainingExample(List.of(), "newest", 1f, 4)));

        assertThat(changed).contains("item/old");
        assertThat(model.rows(List.of("item/old"))).containsExactly(new StateRow("item/old", null));
        assertThat(model.itemCount()).isEqualTo(3);
        assertThat(model.predict(new RecommendationQuery(null, List.of(), SeenSets.of())).topK())
                .extracting(s -> s.itemId()).containsExactlyInAnyOrder("mid", "new", "newest");
    }

    @Test
    void evictsItemsIdleForTheIdlePeriodInEventTimeAndDeletesTheirRows() {
        SequenceRecommender model = new SequenceRecommender(RecommenderConfig.builder()
                .dimension(4).negatives(2).itemIdleMillis(100).build());
        model.learn(List.of(new TrainingExample(List.of(), "stale", 1f, 1_000), new TrainingExample(List.of(), "kept", 1f, 1_050)));

        Set<String> atTheEdge = model.learn(List.of(new TrainingExample(List.of(), "fresh", 1f, 1_100)));
        Set<String> pastIt = model.learn(List.of(new TrainingExample(List.of("stale"), "kept", 1f, 1_101)));

        assertThat(atTheEdge).doesNotContain("item/stale");
        assertThat(pastIt).contains("item/stale").doesNotContain("item/kept", "item/fresh");
        assertThat(model.rows(List.of("item/stale"))).containsExactly(new StateRow("item/stale", null));
        assertThat(model.predict(new RecommendationQuery(null, List.of(), SeenSets.of())).topK())
                .extracting(s -> s.itemId()).containsExactlyInAnyOrder("kept", "fresh");
    }

    @Test
    void anIdlePeriodOfZeroKeepsEveryItem() {
        SequenceRecommender model = new SequenceRecommender(RecommenderConfig.builder()
                .dimension(4).negatives(2).itemIdleMillis(0).build());
        model.learn(List.of(new TrainingExample(List.of(), "old", 1f, 0)));

        Set<String> changed = model.learn(List.of(new TrainingExample(List.of(), "new", 1f, Long.MAX_VALUE / 2)));

        assertThat(changed).doesNotContain("item/old");
        assertThat(model.itemCount()).isEqualTo(2);
    }

    @Test
    void helperThreadsLearnAndAnswerExactlyAsTheCallerAlone() {
        SequenceRecommender alone = new SequenceRecommender(SMALL, true);
        try (WorkSharing helpers = WorkSharing.withHelpers(2)) {
            SequenceRecommender helped = new SequenceRecommender(SMALL, true, helpers);
            for (int step = 0; step < 6; step++) {
                alone.learn(batch(step));
                helped.learn(batch(step));
            }
            List<RecommendationQuery> queries = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                queries.add(new RecommendationQuery("i" + i, List.of("i" + (i + 1)), SeenSets.of("i" + (i + 2))));
            }

            assertThat(helped.predictAll(queries)).isEqualTo(alone.predictAll(queries));
            assertThat(itemRows(helped)).isEqualTo(itemRows(alone));
            assertThat(helped.takeOwnDelta()).usingRecursiveComparison().isEqualTo(alone.takeOwnDelta());
        }
    }

    @Test
    void aGroupsAnswersDoNotDependOnTheGroupsAnsweredBeforeOnTheSameThread() {
        SequenceRecommender reused = trainedModel();
        SequenceRecommender fresh = new SequenceRecommender(SMALL);
        fresh.restore(reused.snapshot());
        List<RecommendationQuery> many = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            many.add(new RecommendationQuery("i" + i, List.of("i" + (i + 1) % 10), SeenSets.of("i" + (i + 2) % 10)));
        }
        List<RecommendationQuery> few = many.subList(6, 9);

        List<RecommendationAnswer> first = reused.predictAll(few);
        reused.predictAll(many);

        assertThat(reused.predictAll(few)).isEqualTo(first).isEqualTo(fresh.predictAll(few));
    }

    @Test
    void itemsScoredInRangesGiveTheSameRecommendationsAsAllAtOnce() {
        SequenceRecommender whole = trainedModel();
        SequenceRecommender inParts = new SequenceRecommender(SMALL, false, WorkSharing.CALLER_ONLY, 3);
        inParts.restore(whole.snapshot());
        List<RecommendationQuery> queries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            queries.add(new RecommendationQuery("i" + i, List.of("i" + (i + 3) % 10), SeenSets.of("i" + (i + 5) % 10)));
        }

        List<RecommendationAnswer> expected = whole.predictAll(queries);
        List<RecommendationAnswer> answered = inParts.predictAll(queries);

        assertThat(answered).hasSize(expected.size());
        for (int q = 0; q < expected.size(); q++) {
            assertThat(answered.get(q).topK()).extracting(ScoredItem::itemId)
                    .containsExactlyElementsOf(expected.get(q).topK().stream().map(ScoredItem::itemId).toList());
            assertThat(answered.get(q).score()).isCloseTo(expected.get(q).score(), within(1e-6f));
        }
    }

    @Test
    void aMiniBatchStepsEveryRowItTouchesInEveryTable() {
        try (WorkSharing helpers = WorkSharing.withHelpers(2)) {
            SequenceRecommender model = new SequenceRecommender(SMALL, true, helpers);
            // Every item of the batch is a positive and in some history: each table steps each row.
            model.learn(batch(0));

            List<ItemDelta> deltas = model.takeOwnDelta();
            int d = SMALL.dimension();
            assertThat(deltas).extracting(ItemDelta::itemId).contains("i0", "i5", "i9");
            assertThat(deltas).allSatisfy(delta -> {
                assertThat(accumulated(delta.input(), d)).as("input of %s", delta.itemId()).isPositive();
                assertThat(accumulated(delta.output(), d)).as("output of %s", delta.itemId()).isPositive();
                assertThat(accumulated(delta.bias(), 1)).as("bias of %s", delta.itemId()).isPositive();
            });
        }
    }

    /** The squared gradients a row's accumulators took, from a delta laid out as values then accumulators. */
    private static double accumulated(float[] delta, int width) {
        double sum = 0;
        for (int j = width; j < 2 * width; j++) {
            sum += delta[j];
        }
        return sum;
    }

    /** Item rows by key, values as text (the provenance row holds a creation time). */
    private static Map<String, String> itemRows(SequenceRecommender model) {
        return model.snapshot().stream().filter(row -> row.key().startsWith("item/"))
                .collect(Collectors.toMap(StateRow::key, row -> Base64.getEncoder().encodeToString(row.value())));
    }

    @Test
    void refusesCheckpointOfAnotherDimension() {
        List<StateRow> checkpoint = trainedModel().snapshot();
        SequenceRecommender wider = new SequenceRecommender(RecommenderConfig.builder().dimension(16).build());

        assertThatThrownBy(() -> wider.restore(checkpoint)).hasMessageContaining("dimension");
    }

    @Test
    void everyStoredRowStaysSmall() {
        assertThat(trainedModel().snapshot()).allSatisfy(row -> assertThat(row.value().length).isLessThan(4096));
    }

    private static SequenceRecommender trainedModel() {
        SequenceRecommender model = new SequenceRecommender(SMALL);
        for (int step = 0; step < 3; step++) {
            model.learn(batch(step));
        }
        return model;
    }

    private static List<TrainingExample> batch(int step) {
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new TrainingExample(List.of("i" + i, "i" + (i + 1)), "i" + ((i * 3 + step) % 10), 1f, step * 10L + i));
        }
        return batch;
    }
}
