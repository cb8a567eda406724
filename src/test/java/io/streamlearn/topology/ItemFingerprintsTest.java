package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.streamlearn.recommend.SeenItems;

class ItemFingerprintsTest {

    @Test
    void reportsEachItemAbsentOnlyOnceAndKnowsItAfterGrowing() {
        ItemFingerprints items = new ItemFingerprints();

        for (int i = 0; i < 10_000; i++) {
            assertThat(items.add("i" + i)).isTrue();
        }
        assertThat(items.add("i42")).isFalse();

        assertThat(items.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(items.contains(SeenItems.fingerprint("i" + i))).isTrue();
        }
        assertThat(items.contains(SeenItems.fingerprint("i10000"))).isFalse();
        assertThat(items.contains(SeenItems.fingerprint(""))).isFalse();
    }
}
