package io.streamlearn.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A model's checkpoint inside a Kafka Streams key-value store (RocksDB, changelogged): one store
 * entry per state row. Writes go through the task's transaction, so under exactly_once_v2 the
 * checkpoint always matches the outputs and input offsets committed with it.
 *
 * <p>The model's rows are kept in two generations ({@link RowGenerations}): generation 0 under the
 * rows' own keys (the layout of single-generation checkpoints, so those restore as they are),
 * generation 1 under {@link #SECOND_GENERATION_PREFIX}. A marker names the complete one. Rows that
 * describe what happened after a checkpoint (journal markers, sync exchange markers) live outside
 * both, under the prefixes in {@link #OUTSIDE_GENERATIONS}.
 */
public final class CheckpointStore {

    /** Largest state row accepted; keeps every changelog record far below the broker's 1 MB limit. */
    public static final int MAX_ROW_BYTES = 512 * 1024;
    public static final String JOURNAL_PREFIX = "journal/";
    public static final String EXCHANGE_MARKER_PREFIX = "sync/exchange/";
    public static final List<String> OUTSIDE_GENERATIONS = List.of(JOURNAL_PREFIX, EXCHANGE_MARKER_PREFIX);
    static final String SECOND_GENERATION_PREFIX = "b/";
    /** Which generation is complete (absent: generation 0, as single-generation checkpoints were). */
    static final String COMPLETE_GENERATION_KEY = JOURNAL_PREFIX + "complete-generation";

    private final KeyValueStore<String, byte[]> store;

    public CheckpointStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** Writes rows outside the generations (markers), under their own keys. */
    public void write(List<StateRow> rows) {
        store.putAll(entries("", rows));
    }

    /** Writes model rows into one generation. */
    void writeGeneration(int generation, List<StateRow> rows) {
        store.putAll(entries(prefixOf(generation), rows));
    }

    /**
     * Writes the last rows of a generation, marks it complete and deletes rows outside the
     * generations that it made obsolete, all in one write.
     */
    void completeGeneration(int generation, List<StateRow> lastRows, List<String> obsoleteKeys) {
        List<KeyValue<String, byte[]>> entries = entries(prefixOf(generation), lastRows);
        entries.add(KeyValue.pair(COMPLETE_GENERATION_KEY, new byte[] {(byte) generation}));
        obsoleteKeys.forEach(key -> entries.add(KeyValue.pair(key, null)));
        store.putAll(entries);
    }

    int completeGeneration() {
        byte[] marker = store.get(COMPLETE_GENERATION_KEY);
        return marker == null ? 0 : marker[0];
    }

    /** The rows of one generation, under the keys the model knows them by. */
    List<StateRow> readGeneration(int generation) {
        List<StateRow> rows = new ArrayList<>();
        if (generation == 1) {
            readPrefix(SECOND_GENERATION_PREFIX).forEach(row -> rows.add(
                    new StateRow(row.key().substring(SECOND_GENERATION_PREFIX.length()), row.value())));
        } else {
            try (KeyValueIterator<String, byte[]> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (isFirstGenerationKey(entry.key)) {
                        rows.add(new StateRow(entry.key, entry.value));
                    }
                });
            }
        }
        return rows;
    }

    /** Keys of the rows stored in one generation, as the model knows them. */
    Set<String> keysOf(int generation) {
        Set<String> keys = new LinkedHashSet<>();
        readGeneration(generation).forEach(row -> keys.add(row.key()));
        return keys;
    }

    /** A row outside the generations (a marker), by its own key. */
    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(store.get(key));
    }

    /** A model row (or a checkpoint action's row) as the complete generation holds it. */
    public Optional<byte[]> readCheckpointed(String key) {
        return read(prefixOf(completeGeneration()) + key);
    }

    /** The stored rows whose keys start with {@code prefix}, in key order, under their store keys. */
    public List<StateRow> readPrefix(String prefix) {
        List<StateRow> rows = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> matching = store.prefixScan(prefix, new StringSerializer())) {
            matching.forEachRemaining(entry -> rows.add(new StateRow(entry.key, entry.value)));
        }
        return rows;
    }

    private static boolean isFirstGenerationKey(String key) {
        return !key.startsWith(SECOND_GENERATION_PREFIX) && OUTSIDE_GENERATIONS.stream().noneMatch(key::startsWith);
    }

    private static String prefixOf(int generation) {
        return generation == 1 ? SECOND_GENERATION_PREFIX : "";
    }

    /** The rows as store entries under {@code prefix} + their keys (room for a marker more). */
    private static List<KeyValue<String, byte[]>> entries(String prefix, List<StateRow> rows) {
        List<KeyValue<String, byte[]>> entries = new ArrayList<>(rows.size() + 1);
        rows.forEach(row -> entries.add(entry(prefix + row.key(), row)));
        return entries;
    }

    private static KeyValue<String, byte[]> entry(String key, StateRow row) {
        if (!row.isDeletion() && row.value().length > MAX_ROW_BYTES) {
            throw new IllegalStateException("state row " + row.key() + " is " + row.value().length
                    + " bytes, over the " + MAX_ROW_BYTES + " byte limit");
        }
        return KeyValue.pair(key, row.value());
    }
}
