package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.streamlearn.event.ScoredItem;
import io.streamlearn.fixtures.SeenSets;

class SeenItemsTest {

    private static final RecommenderConfig SMALL = RecommenderConfig.builder()
            .dimension(8).negatives(4).topK(3).itemCapacity(100).build();

    @Test
    void idsThatDifferInAFewCharactersGetDistinctFingerprints() {
        Set<Long> fingerprints = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            fingerprints.add(SeenItems.fingerprint(Integer.toString(i)));
        }
        fingerprints.add(SeenItems.fingerprint("ab"));
        fingerprints.add(SeenItems.fingerprint("ba"));
        fingerprints.add(SeenItems.fingerprint(""));

        assertThat(fingerprints).hasSize(1_000_003).doesNotContain(0L);
    }

    /** The model asks by each candidate's own fingerprint, also after a restore (rows placed anew). */
    @Test
    void excludesExactlyTheSeenItemsAlsoAfterARestore() {
        SequenceRecommender model = new SequenceRecommender(SMALL);
        List<TrainingExample> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(new TrainingExample(List.of("i" + i), "i" + (i + 1), 1f, i));
        }
        model.learn(batch);
        SequenceRecommender restored = new SequenceRecommender(SMALL);
        restored.restore(model.snapshot());
        Set<String> allButOne = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            allButOne.add("i" + i);
        }
        allButOne.remove("i6");

        for (SequenceRecommender answering : List.of(model, restored)) {
            List<String> unseen = answering.predict(new RecommendationQuery(null, List.of("i3"), SeenSets.of(allButOne)))
                    .topK().stream().map(ScoredItem::itemId).toList();
            assertThat(unseen).containsExactly("i6");
        }
    }
}
