package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.streamlearn.event.ScoredItem;
import io.streamlearn.fixtures.SeenSets;
import io.streamlearn.fixtures.TrainingBatches;

class SharedParametersTest {

    private static final RecommenderConfig SMALL = RecommenderConfig.builder()
            .dimension(8).negatives(4).topK(5).itemCapacity(100).build();
    private static final RecommendationQuery QUERY =
            new RecommendationQuery("i3", List.of("i1", "i2"), SeenSets.of("i1"));

    @Test
    void replicasHoldTheSameParametersAfterExchangingIncrements() {
        SequenceRecommender a = new SequenceRecommender(SMALL, true);
        SequenceRecommender b = new SequenceRecommender(SMALL, true);
        a.learn(TrainingBatches.cyclic(10, 0, 0));
        b.learn(TrainingBatches.cyclic(10, 1, 5));
        assertThat(a.predict(QUERY)).isNotEqualTo(b.predict(QUERY));

        PrequentialReplay.exchange(List.of(a, b));

        RecommendationAnswer fromA = a.predict(QUERY);
        RecommendationAnswer fromB = b.predict(QUERY);
        assertThat(fromA.topK()).extracting(ScoredItem::itemId).isEqualTo(fromB.topK().stream().map(ScoredItem::itemId).toList());
        for (int i = 0; i < fromA.topK().size(); i++) {
            assertThat(fromA.topK().get(i).score()).isCloseTo(fromB.topK().get(i).score(), org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThat(fromA.score()).isCloseTo(fromB.score(), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void foldedIncrementsAreNeverPublishedAgain() {
        SequenceRecommender a = new SequenceRecommender(SMALL, true);
        SequenceRecommender b = new SequenceRecommender(SMALL, true);
        b.learn(TrainingBatches.cyclic(10, 1, 5));

        a.foldIn(List.of(), b.takeOwnDelta());

        assertThat(a.takeOwnDelta()).isEmpty();
        assertThat(b.takeOwnDelta()).as("taken increments start again from zero").isEmpty();
        assertThat(a.itemCount()).as("items admitted from the other replica's increments").isEqualTo(b.itemCount());
    }

    @Test
    void foldedItemsAreStoredByTheNextCheckpoint() {
        SequenceRecommender a = new SequenceRecommender(SMALL, true);
        SequenceRecommender b = new SequenceRecommender(SMALL, true);
        b.learn(TrainingBatches.cyclic(10, 1, 5));

        Set<String> changed = a.foldIn(List.of(), b.takeOwnDelta());

        assertThat(changed).contains("item/i5", "item/i6");
        SequenceRecommender restored = new SequenceRecommender(SMALL, true);
        restored.restore(a.snapshot());
        assertThat(restored.predict(QUERY)).isEqualTo(a.predict(QUERY));
    }

    @Test
    void itemDeltaSurvivesItsBinaryForm() {
        SequenceRecommender b = new SequenceRecommender(SMALL, true);
        b.learn(TrainingBatches.cyclic(10, 1, 5));
        List<ItemDelta> deltas = b.takeOwnDelta();
        ItemDeltaCodec codec = new ItemDeltaCodec(SMALL.dimension());

        for (ItemDelta delta : deltas) {
            ItemDelta back = codec.decode(ByteBuffer.wrap(codec.encode(delta)));
            assertThat(back.itemId()).isEqualTo(delta.itemId());
            assertThat(back.lastSeen()).isEqualTo(delta.lastSeen());
            assertThat(back.input()).isEqualTo(delta.input());
            assertThat(back.output()).isEqualTo(delta.output());
            assertThat(back.bias()).isEqualTo(delta.bias());
        }
    }

    @Test
    void refusesTruncatedItemDelta() {
        ItemDeltaCodec codec = new ItemDeltaCodec(SMALL.dimension());
        byte[] whole = codec.encode(new ItemDelta("x", 1, new float[16], new float[16], new float[2]));

        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(java.util.Arrays.copyOf(whole, whole.length - 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }
}
