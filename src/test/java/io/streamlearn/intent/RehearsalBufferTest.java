package io.streamlearn.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RehearsalBufferTest {

    @Test
    void keepsEveryIntentRepresentedWhenALateIntentFloodsTheStream() {
        RehearsalBuffer buffer = new RehearsalBuffer(100);
        SplittableRandom random = new SplittableRandom(1);
        long[] seen = new long[3];
        for (int label = 0; label < 3; label++) {
            int count = label == 2 ? 1000 : 60;
            for (int i = 0; i < count; i++) {
                buffer.offer(label, new int[] {label, i}, ++seen[label], random);
            }
        }
        Map<Integer, Integer> perLabel = new HashMap<>();
        for (int slot = 0; slot < buffer.size(); slot++) {
            perLabel.merge(buffer.slot(slot).label(), 1, Integer::sum);
        }
        assertThat(buffer.size()).isEqualTo(100);
        assertThat(perLabel.values()).allSatisfy(count -> assertThat(count).isBetween(32, 35));
    }

    @Test
    void boundsTheStoredFeaturesOfALongMessage() {
        RehearsalBuffer buffer = new RehearsalBuffer(1);
        buffer.offer(0, new int[5000], 1, new SplittableRandom(1));
        assertThat(buffer.slot(0).occurrences()).hasSize(RehearsalBuffer.MAX_OCCURRENCES);
    }
}
