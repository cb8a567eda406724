package io.streamlearn.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.checkpoint.StateRow;

class IntentClassifierTest {

    private static final List<IntentExample> BILLING = List.of(
            new IntentExample("I was charged twice on my invoice", "billing"),
            new IntentExample("why is my bill so high this month", "billing"),
            new IntentExample("there is a wrong charge on my invoice", "billing"),
            new IntentExample("please explain this charge on my bill", "billing"));
    private static final List<IntentExample> SHIPPING = List.of(
            new IntentExample("where is my parcel, it has not arrived", "shipping"),
            new IntentExample("track my delivery please", "shipping"),
            new IntentExample("my package delivery is late", "shipping"),
            new IntentExample("when will the parcel be delivered", "shipping"));
    private static final List<IntentExample> PASSWORD = List.of(
            new IntentExample("I forgot my password", "password"),
            new IntentExample("reset my password please", "password"),
            new IntentExample("cannot log in, password is wrong", "password"),
            new IntentExample("how do I change my login password", "password"));

    private static IntentConfig small() {
        return IntentConfig.builder().buckets(1 << 12).dimension(16).learningRate(0.5f).rehearsalCapacity(64)
                .rehearsalRatio(2).stepSize(2).featureChunkRows(16).fixedThreshold(java.util.OptionalDouble.of(0.0))
                .build();
    }

    private static void train(IntentClassifier model, List<IntentExample> examples, int passes) {
        for (int pass = 0; pass < passes; pass++) {
            model.learn(examples);
        }
    }

    private static String predict(IntentClassifier model, String text) {
        return model.predict(new IntentQuery(text)).intent();
    }

    @Test
    void answersUnknownBeforeLearningAnything() {
        IntentAnswer answer = new IntentClassifier(small()).predict(new IntentQuery("hello"));
        assertThat(answer.intent()).isEqualTo(IntentConfig.UNKNOWN);
        assertThat(answer.bestIntent()).isNull();
    }

    @Test
    void learnsATinySeparableSet() {
        IntentClassifier model = new IntentClassifier(small());
        List<IntentExample> all = new ArrayList<>(BILLING);
        all.addAll(SHIPPING);
        train(model, all, 20);
        assertThat(predict(model, "a strange charge on my bill")).isEqualTo("billing");
        assertThat(predict(model, "my parcel has not been delivered")).isEqualTo("shipping");
    }

    @Test
    void growsItsLabelSetWithoutForgettingEarlierIntents() {
        IntentClassifier model = new IntentClassifier(small());
        List<IntentExample> first = new ArrayList<>(BILLING);
        first.addAll(SHIPPING);
        train(model, first, 20);
        assertThat(model.intents()).containsExactly("billing", "shipping");

        train(model, PASSWORD, 20);

        assertThat(model.intents()).containsExactly("billing", "shipping", "password");
        assertThat(predict(model, "reset the password of my login")).isEqualTo("password");
        assertThat(predict(model, "a strange charge on my bill")).isEqualTo("billing");
        assertThat(predict(model, "my parcel has not been delivered")).isEqualTo("shipping");
    }

    @Test
    void probabilitiesAndAlternativesAreConsistent() {
        IntentClassifier model = new IntentClassifier(small());
        List<IntentExample> all = new ArrayList<>(BILLING);
        all.addAll(SHIPPING);
        all.addAll(PASSWORD);
        train(model, all, 10);
        IntentAnswer answer = model.predict(new IntentQuery("track my parcel"));
        assertThat(answer.alternatives()).hasSize(2);
        double total = answer.confidence() + answer.alternatives().stream().mapToDouble(a -> a.confidence()).sum();
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(answer.alternatives().get(0).confidence()).isLessThanOrEqualTo(answer.confidence());
    }

    @Test
    void answersUnknownBelowAFixedThreshold() {
        IntentConfig strict = IntentConfig.builder().buckets(1 << 12).dimension(16).rehearsalCapacity(16)
                .featureChunkRows(16).fixedThreshold(java.util.OptionalDouble.of(0.99)).build();
        IntentClassifier model = new IntentClassifier(strict);
        model.learn(List.of(BILLING.get(0), SHIPPING.get(0)));
        IntentAnswer answer = model.predict(new IntentQuery("completely unrelated words"));
        assertThat(answer.intent()).isEqualTo(IntentConfig.UNKNOWN);
        assertThat(answer.bestIntent()).isIn("billing", "shipping");
    }

    @Test
    void restoresFromItsRowsWithEqualPredictions() {
        IntentClassifier model = new IntentClassifier(small());
        List<IntentExample> all = new ArrayList<>(BILLING);
        all.addAll(SHIPPING);
        all.addAll(PASSWORD);
        train(model, all, 5);

        IntentClassifier restored = new IntentClassifier(small());
        restored.restore(model.snapshot());

        assertThat(restored.version()).isEqualTo(model.version());
        assertThat(restored.intents()).isEqualTo(model.intents());
        assertThat(restored.rehearsalSize()).isEqualTo(model.rehearsalSize());
        for (String text : List.of("charge on my bill", "where is my parcel", "forgot password", "something else")) {
            assertThat(restored.predict(new IntentQuery(text))).isEqualTo(model.predict(new IntentQuery(text)));
        }
        // Same state and same seed: the next update is identical too.
        model.learn(PASSWORD);
        restored.learn(PASSWORD);
        assertThat(restored.predict(new IntentQuery("forgot password")))
                .isEqualTo(model.predict(new IntentQuery("forgot password")));
    }

    @Test
    void incrementalRowsRebuildTheSameModelAsASnapshot() {
        IntentClassifier model = new IntentClassifier(small());
        java.util.Map<String, byte[]> store = new java.util.TreeMap<>();
        model.snapshot().forEach(row -> store.put(row.key(), row.value()));
        for (List<IntentExample> batch : List.of(BILLING, SHIPPING, PASSWORD, BILLING)) {
            for (StateRow row : model.rows(model.learn(batch))) {
                store.put(row.key(), row.value());
            }
        }
        IntentClassifier restored = new IntentClassifier(small());
        restored.restore(store.entrySet().stream().map(e -> new StateRow(e.getKey(), e.getValue())).toList());
        assertThat(restored.predict(new IntentQuery("my bill is wrong")))
                .isEqualTo(model.predict(new IntentQuery("my bill is wrong")));
    }

    @Test
    void everyStateRowFitsTheCheckpointLimit() {
        IntentClassifier model = new IntentClassifier(IntentConfig.builder().build());
        model.learn(List.of(new IntentExample("word ".repeat(2000), "long")));
        assertThat(model.snapshot()).allSatisfy(row -> assertThat(row.value().length)
                .isLessThanOrEqualTo(CheckpointStore.MAX_ROW_BYTES));
    }

    @Test
    void refusesACheckpointWithAnotherFeatureLayout() {
        IntentClassifier model = new IntentClassifier(small());
        model.learn(BILLING);
        IntentConfig other = IntentConfig.builder().buckets(1 << 13).dimension(16).rehearsalCapacity(64)
                .featureChunkRows(16).build();
        assertThatThrownBy(() -> new IntentClassifier(other).restore(model.snapshot()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("buckets");
    }

    @Test
    void stopsAddingIntentsAtTheCap() {
        IntentClassifier model = new IntentClassifier(IntentConfig.builder().buckets(1 << 12).dimension(8)
                .maxIntents(2).featureChunkRows(16).build());
        model.learn(List.of(BILLING.get(0), SHIPPING.get(0), PASSWORD.get(0)));
        assertThat(model.intents()).containsExactly("billing", "shipping");
    }
}
