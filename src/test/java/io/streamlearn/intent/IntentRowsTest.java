package io.streamlearn.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IntentRowsTest {

    @Test
    void rowKeysKeepTheZeroPaddedLayoutThatStoredCheckpointsUse() {
        for (int index : new int[] {0, 7, 42, 99_999, 100_000, 999_999, 1_000_000, Integer.MAX_VALUE}) {
            assertThat(IntentRows.intentKey(index)).isEqualTo(String.format("intent/%05d", index));
            assertThat(IntentRows.featureKey(index)).isEqualTo(String.format("features/%06d", index));
            assertThat(IntentRows.rehearsalKey(index)).isEqualTo(String.format("rehearsal/%06d", index));
        }
    }

    @Test
    void featureKeysSortByChunk() {
        List<String> keys = new ArrayList<>();
        for (int chunk = 0; chunk < 2_000; chunk += 7) {
            keys.add(IntentRows.featureKey(chunk));
        }
        assertThat(keys).isSorted();
    }
}
