package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangedKeysTest {

    @Test
    void holdsEachKeyOnceInTheOrderFirstAdded() {
        ChangedKeys changed = new ChangedKeys();
        changed.addKey("item/gone");
        changed.addRow(3, "item/a");
        changed.addRow(5, "item/b");
        changed.addRow(3, "item/a");
        changed.addKey("meta/version");
        changed.addKey("meta/version");

        assertThat(changed).containsExactly("item/gone", "item/a", "item/b", "meta/version");
        assertThat(changed).hasSize(4);
    }

    @Test
    void anItemEvictedAndReadmittedOnAnotherRowIsListedOnce() {
        ChangedKeys changed = new ChangedKeys();
        changed.addKey("item/x");
        changed.addRow(7, "item/x");

        assertThat(changed).containsExactly("item/x");
    }
}
