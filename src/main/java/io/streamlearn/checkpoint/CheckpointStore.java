package io.streamlearn.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A model's checkpoint inside a Kafka Streams key-value store (RocksDB, changelogged): one store
 * entry per state row. Writes go through the task's transaction, so under exactly_once_v2 the
 * checkpoint always matches the outputs and input offsets committed with it.
 */
public final class CheckpointStore {

    /** Largest state row accepted; keeps every changelog record far below the broker's 1 MB limit. */
    public static final int MAX_ROW_BYTES = 512 * 1024;

    private final KeyValueStore<String, byte[]> store;

    public CheckpointStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    public void write(List<StateRow> rows) {
        List<KeyValue<String, byte[]>> entries = new ArrayList<>(rows.size());
        for (StateRow row : rows) {
            if (!row.isDeletion() && row.value().length > MAX_ROW_BYTES) {
                throw new IllegalStateException("state row " + row.key() + " is " + row.value().length
                        + " bytes, over the " + MAX_ROW_BYTES + " byte limit");
            }
            entries.add(KeyValue.pair(row.key(), row.value()));
        }
        store.putAll(entries);
    }

    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(store.get(key));
    }

    /** The rows whose keys start with {@code prefix}, in key order. */
    public List<StateRow> readPrefix(String prefix) {
        List<StateRow> rows = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> matching = store.prefixScan(prefix, new StringSerializer())) {
            matching.forEachRemaining(entry -> rows.add(new StateRow(entry.key, entry.value)));
        }
        return rows;
    }

    public List<StateRow> readAll() {
        List<StateRow> rows = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(entry -> rows.add(new StateRow(entry.key, entry.value)));
        }
        return rows;
    }
}
