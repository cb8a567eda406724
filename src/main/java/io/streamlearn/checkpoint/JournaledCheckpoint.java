package io.streamlearn.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.streamlearn.learn.ModelHandle;
import io.streamlearn.learn.OnlineModel;

/**
 * A model checkpoint written every {@code interval} mini-batches, with the batches learned since
 * then kept in a journal. A mini-batch with sampled negatives touches thousands of rows; writing
 * them all after every batch dominated the cost of learning, while most rows are touched again
 * soon. So each batch's examples (a few hundred bytes each) go to the journal, the keys of changed
 * rows are collected and the rows are serialised and written once per interval, and a restore loads the checkpoint and re-learns the
 * journal. Learning is deterministic (seeds derive from the model version, rows keep their
 * positions), so the replayed model equals the one that crashed: no update is lost or applied twice.
 *
 * <p>Journal keys are {@code version << 20 | position}: batches in version order, examples in batch
 * order. Batches are therefore limited to 2^20 examples.
 */
public final class JournaledCheckpoint<E> {

    private static final int POSITION_BITS = 20;

    private final CheckpointStore rows;
    private final KeyValueStore<Long, E> journal;
    private final int interval;
    private final Set<String> dirty = new LinkedHashSet<>();
    private int batchesSinceCheckpoint;

    public JournaledCheckpoint(CheckpointStore rows, KeyValueStore<Long, E> journal, int interval) {
        this.rows = rows;
        this.journal = journal;
        this.interval = interval;
    }

    /**
     * Brings {@code model} to the last committed state: the checkpoint, then the journaled batches.
     * A model without any checkpoint is written as the first one.
     */
    public <M extends OnlineModel<?, ?, E>> M restore(M model) {
        List<StateRow> stored = rows.readAll();
        if (stored.isEmpty()) {
            rows.write(model.snapshot());
            return model;
        }
        model.restore(stored);
        for (List<E> batch : journaledBatches(model.version())) {
            dirty.addAll(model.learn(batch));
            batchesSinceCheckpoint++;
        }
        return model;
    }

    /** Records a mini-batch just learned: journals it and writes the checkpoint when one is due. */
    public void learned(long version, List<E> batch, Set<String> changed, ModelHandle<?, ?, E, ?> model) {
        if (batch.size() >= 1 << POSITION_BITS) {
            throw new IllegalArgumentException("mini-batch of " + batch.size() + " examples is too large to journal");
        }
        List<KeyValue<Long, E>> entries = new ArrayList<>(batch.size());
        for (int position = 0; position < batch.size(); position++) {
            entries.add(KeyValue.pair(version << POSITION_BITS | position, batch.get(position)));
        }
        journal.putAll(entries);
        dirty.addAll(changed);
        if (++batchesSinceCheckpoint >= interval) {
            writeCheckpoint(model);
        }
    }

    /** Batches journaled since the checkpoint ({@code version}), oldest first. */
    private List<List<E>> journaledBatches(long checkpointVersion) {
        List<List<E>> batches = new ArrayList<>();
        long current = -1;
        try (KeyValueIterator<Long, E> all = journal.all()) {
            while (all.hasNext()) {
                KeyValue<Long, E> entry = all.next();
                long version = entry.key >>> POSITION_BITS;
                if (version <= checkpointVersion) {
                    continue;
                }
                if (version != current) {
                    batches.add(new ArrayList<>());
                    current = version;
                }
                batches.get(batches.size() - 1).add(entry.value);
            }
        }
        return batches;
    }

    private void writeCheckpoint(ModelHandle<?, ?, E, ?> model) {
        rows.write(model.read(m -> m.rows(dirty)));
        dirty.clear();
        List<Long> keys = new ArrayList<>();
        try (KeyValueIterator<Long, E> all = journal.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(journal::delete);
        batchesSinceCheckpoint = 0;
    }
}
