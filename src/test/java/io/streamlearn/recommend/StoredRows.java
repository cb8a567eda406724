package io.streamlearn.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.streamlearn.checkpoint.StateRow;

/** A model's rows as its store holds them: its snapshot, then the rows each learned batch names. */
final class StoredRows {

    private final Map<String, byte[]> rows = new TreeMap<>();

    private StoredRows() {
    }

    static StoredRows of(SequenceRecommender model) {
        StoredRows stored = new StoredRows();
        model.snapshot().forEach(row -> stored.rows.put(row.key(), row.value()));
        return stored;
    }

    /** The model learns the batch; the rows it names, and the stepped rows it hands over, are stored. */
    void learn(SequenceRecommender model, List<TrainingExample> batch) {
        Set<String> changed = new HashSet<>(model.learn(batch));
        changed.addAll(model.takeChangedRows());
        for (StateRow row : model.rows(changed)) {
            if (row.isDeletion()) {
                rows.remove(row.key());
            } else {
                rows.put(row.key(), row.value());
            }
        }
    }

    List<StateRow> rows() {
        return rows.entrySet().stream().map(entry -> new StateRow(entry.getKey(), entry.getValue())).toList();
    }
}
