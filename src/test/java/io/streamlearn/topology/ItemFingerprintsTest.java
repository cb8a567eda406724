package io.streamlearn.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
            assertThat(items.contains("i" + i)).isTrue();
        }
        assertThat(items.contains("i10000")).isFalse();
        assertThat(items.contains("")).isFalse();
    }

    @Test
    void idsThatDifferInAFewCharactersGetDistinctFingerprints() {
        Set<Long> fingerprints = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            fingerprints.add(ItemFingerprints.fingerprint(Integer.toString(i)));
        }
        fingerprints.add(ItemFingerprints.fingerprint("ab"));
        fingerprints.add(ItemFingerprints.fingerprint("ba"));
        fingerprints.add(ItemFingerprints.fingerprint(""));

        assertThat(fingerprints).hasSize(1_000_003);
    }
}
