package io.streamlearn.checkpoint;

/**
 * One keyed piece of a model's state, small enough for one changelog record. A null value marks a
 * row that no longer exists (an evicted ID, for instance) and is written as a tombstone.
 */
public record StateRow(String key, byte[] value) {

    public boolean isDeletion() {
        return value == null;
    }
}
