package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ItemIndexTest {

    @Test
    void findsEveryLiveIdAndNoEvictedOneThroughAdmissionsAndEvictions() {
        ItemIndex index = new ItemIndex(3_000, id -> "item/" + id);
        Map<String, Integer> expected = new HashMap<>();
        List<String> ever = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (long time = 1; time <= 40_000; time++) {
            // Numeric IDs from a small space: admissions, re-admissions after eviction and touches mix.
            String id = "i" + random.nextInt(6_000);
            int row = index.rowOf(id);
            assertThat(row).isEqualTo(expected.getOrDefault(id, ItemIndex.ABSENT));
            if (row == ItemIndex.ABSENT) {
                ItemIndex.Admission admission = index.admit(id, time);
                if (admission.evictedId() != null) {
                    expected.remove(admission.evictedId());
                }
                expected.put(id, admission.row());
                ever.add(id);
            } else {
                index.touch(row, time);
            }
        }
        assertThat(index.size()).isEqualTo(expected.size());
        for (String id : ever) {
            assertThat(index.rowOf(id)).isEqualTo(expected.getOrDefault(id, ItemIndex.ABSENT));
        }
    }

    @Test
    void evictsOnlyIdsLastUsedBeforeTheCutoffAndReusesTheirRows() {
        ItemIndex index = new ItemIndex(10, id -> id);
        int a = index.admit("a", 10).row();
        index.admit("b", 20);
        index.touch(a, 30);

        assertThat(index.evictIdleBefore(10)).isEmpty();
        assertThat(index.evictIdleBefore(25)).containsExactly("b");
        assertThat(index.rowOf("b")).isEqualTo(ItemIndex.ABSENT);
        assertThat(index.rowOf("a")).isEqualTo(a);
        assertThat(index.admit("c", 40).row()).isEqualTo(1);
        assertThat(index.newestSeen()).isEqualTo(40);
    }

    @Test
    void aRestoredIndexFindsWhatWasPlaced() {
        ItemIndex index = new ItemIndex(10, id -> id);
        index.place("b", 2, 5L);
        index.place("a", 0, 7L);
        index.restoreFreeRows();

        assertThat(index.rowOf("a")).isZero();
        assertThat(index.rowOf("b")).isEqualTo(2);
        assertThat(index.rowOf("c")).isEqualTo(ItemIndex.ABSENT);
        assertThat(index.admit("c", 9L).row()).isEqualTo(1);
    }
}
