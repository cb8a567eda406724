package io.streamlearn.checkpoint;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.streamlearn.learn.ModelHandle;
import io.streamlearn.learn.OnlineModel;

/**
 * A model's checkpoint: its rows, taken every {@code interval} mini-batches, and a journal of
 * every example since. A mini-batch with sampled negatives touches thousands of rows and most are
 * touched again soon, so rewriting them after every batch dominated the cost of learning. Instead
 * each example is journaled once, when it arrives (a few hundred bytes), a one-value marker records
 * which journaled batches have been learned, and the changed rows are taken once per interval and
 * written over the next half interval into the generation a restore is not reading
 * ({@link RowGenerations}). A restore loads the complete generation, re-learns the journaled
 * batches up to the marker and hands back the examples of the batch still being filled. Learning
 * is deterministic (seeds derive from the model version, rows keep their positions), so the
 * restored model is the one that crashed: no update is lost or applied twice, and no answered
 * example is forgotten. A second marker counts the
 * entries of the unfinished batch already answered, so none is answered twice or never.
 *
 * <p>{@code J} is what is journaled (all that is needed to answer an entry later), {@code E} the
 * model's training example derived from it.
 * <p>A {@link CheckpointAction} runs at the start of every checkpoint; what it changes in the model
 * is part of that checkpoint. What it changes between checkpoints it redoes itself while the journal
 * is re-learned, before the batch it preceded ({@link CheckpointAction#replayBefore}).
 * <p>Journal keys are {@code version << 20 | position}, where {@code version} is the model version
 * the example's batch produces: batches in order, examples in arrival order, at most 2^20 per batch.
 */
public final class JournaledCheckpoint<J, E> {

    /** Row holding the version of the last learned batch (the journal marker). */
    public static final String LEARNED_KEY = CheckpointStore.JOURNAL_PREFIX + "learned-version";
    /** Row holding (batch version, entries of that batch answered so far). */
    public static final String ANSWERED_KEY = CheckpointStore.JOURNAL_PREFIX + "answered";
    private static final int POSITION_BITS = 20;

    private final CheckpointStore rows;
    private final RowGenerations generations;
    private final KeyValueStore<Long, J> journal;
    private final Function<J, E> toExample;
    private final int interval;
    private final CheckpointAction action;
    /** Journal keys of learned batches not yet covered by taken rows (kept here: a range scan would decode every entry). */
    private final List<Long> learnedKeys = new ArrayList<>();
    /** Journal keys covered by the generation being written, once it is complete. */
    private final List<Long> coveredOnCompletion = new ArrayList<>();
    /**
     * Journal keys covered by written rows, deleted a few per batch rather than all at the checkpoint:
     * at 200 batches that is ~13,000 deletes, which would land in one transaction. A restore skips
     * covered entries, so deleting them late is safe.
     */
    private final ArrayDeque<Long> coveredKeys = new ArrayDeque<>();
    /** Journal keys of the batch being filled. */
    private final List<Long> fillingKeys = new ArrayList<>();
    private int batchesSinceCheckpoint;
    private long learnedVersion;
    private int filling;

    public JournaledCheckpoint(CheckpointStore rows, KeyValueStore<Long, J> journal, Function<J, E> toExample,
            int interval) {
        this(rows, journal, toExample, interval, CheckpointAction.NONE);
    }

    public JournaledCheckpoint(CheckpointStore rows, KeyValueStore<Long, J> journal, Function<J, E> toExample,
            int interval, CheckpointAction action) {
        this.rows = rows;
        this.generations = new RowGenerations(rows, interval / 2);
        this.journal = journal;
        this.toExample = toExample;
        this.interval = interval;
        this.action = action;
    }

    /**
     * A model brought back to its last committed state, the journaled entries of the unfinished
     * batch, how many of those were already answered, and how long the restore took (for the log).
     */
    public record Restored<M, J>(M model, List<J> pending, int answered, long millis) {
    }

    /** Restores {@code model} from the checkpoint and the journal; a model with no checkpoint is written as the first. */
    public <M extends OnlineModel<?, ?, E>> Restored<M, J> restore(M model) {
        long started = System.nanoTime();
        List<StateRow> stored = generations.restorable();
        if (stored.isEmpty()) {
            generations.writeFirst(model.snapshot());
            return new Restored<>(model, List.of(), 0, millisSince(started));
        }
        model.restore(stored);
        learnedVersion = rows.read(LEARNED_KEY).map(value -> ByteBuffer.wrap(value).getLong()).orElse(model.version());
        List<J> pending = new ArrayList<>();
        long current = -1;
        List<E> batch = new ArrayList<>();
        try (KeyValueIterator<Long, J> all = journal.all()) {
            while (all.hasNext()) {
                KeyValue<Long, J> entry = all.next();
                long version = entry.key >>> POSITION_BITS;
                if (version > learnedVersion) {
                    pending.add(entry.value);
                    fillingKeys.add(entry.key);
                    continue;
                }
                if (version <= model.version()) {
                    coveredKeys.add(entry.key);
                    continue;
                }
                learnedKeys.add(entry.key);
                if (version != current && !batch.isEmpty()) {
                    relearn(model, batch, current);
                    batch = new ArrayList<>();
                }
                current = version;
                batch.add(toExample.apply(entry.value));
            }
        }
        if (!batch.isEmpty()) {
            relearn(model, batch, current);
        }
        generations.changed(action.replayBefore(Long.MAX_VALUE));
        if (model.version() != learnedVersion) {
            throw new IllegalStateException("journal replay reached model version " + model.version()
                    + " but the journal marker says " + learnedVersion);
        }
        filling = pending.size();
        return new Restored<>(model, pending, answered(), millisSince(started));
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Records that the first {@code count} entries of the unfinished batch have been answered. */
    public void answered(int count) {
        rows.write(List.of(new StateRow(ANSWERED_KEY,
                ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(learnedVersion + 1).putInt(count).array())));
    }

    private int answered() {
        return rows.read(ANSWERED_KEY).map(ByteBuffer::wrap)
                .filter(marker -> marker.getLong() == learnedVersion + 1)
                .map(ByteBuffer::getInt).orElse(0);
    }

    /**
     * The key the next {@link #append} gives its entry: higher for every later entry over the life of
     * the task's stores (restores included), so it also orders the task's examples as they arrived.
     */
    public long nextKey() {
        return (learnedVersion + 1) << POSITION_BITS | filling;
    }

    /** Journals an entry of the batch being filled. */
    public void append(J example) {
        if (filling >= (1 << POSITION_BITS) - 1) {
            throw new IllegalStateException("a mini-batch cannot hold more than 2^20 examples");
        }
        long key = nextKey();
        filling++;
        journal.put(key, example);
        fillingKeys.add(key);
    }

    /**
     * Records that the batch being filled was learned, producing {@code version}; writes the next
     * slice of a checkpoint being written, and takes the next checkpoint when due.
     */
    public void learned(long version, Set<String> changed, ModelHandle<?, ?, E, ?> model) {
        learnedVersion = version;
        filling = 0;
        int batchSize = fillingKeys.size();
        learnedKeys.addAll(fillingKeys);
        fillingKeys.clear();
        generations.changed(changed);
        rows.write(List.of(marker()));
        if (generations.writeSlice()) {
            coverCompleted();
        }
        if (++batchesSinceCheckpoint >= interval) {
            takeCheckpoint(model);
        }
        deleteCovered(2 * Math.max(batchSize, 1));
    }

    /** Takes a checkpoint now, between mini-batches (e.g. when the checkpoint action is due by time). */
    public void checkpointNow(ModelHandle<?, ?, E, ?> model) {
        takeCheckpoint(model);
    }

    /** Rows changed between mini-batches outside a checkpoint: the next checkpoint writes them. */
    public void markDirty(Set<String> keys) {
        generations.changed(keys);
    }

    private void relearn(OnlineModel<?, ?, E> model, List<E> batch, long version) {
        generations.changed(action.replayBefore(version));
        generations.changed(model.learn(batch));
        batchesSinceCheckpoint++;
    }

    private StateRow marker() {
        return new StateRow(LEARNED_KEY, ByteBuffer.allocate(Long.BYTES).putLong(learnedVersion).array());
    }

    /**
     * A checkpoint still being written when the next is due is finished first: that happens when
     * checkpoints come by time (parameter sync) faster than batches write the slices.
     */
    private void takeCheckpoint(ModelHandle<?, ?, E, ?> model) {
        if (generations.isWriting()) {
            generations.finish();
            coverCompleted();
        }
        CheckpointAction.Result done = action.run(learnedVersion);
        generations.changed(done.changedKeys());
        coveredOnCompletion.addAll(learnedKeys);
        learnedKeys.clear();
        if (generations.start(model, done.ownRows(), done.obsoleteKeys())) {
            coverCompleted();
        }
        batchesSinceCheckpoint = 0;
    }

    private void coverCompleted() {
        coveredKeys.addAll(coveredOnCompletion);
        coveredOnCompletion.clear();
    }

    /**
     * Deletes up to {@code count} covered journal entries: twice a batch's size, so the backlog drains
     * within an interval. They go as null puts in one write batch: a store's {@code delete} first reads
     * and decodes the old value, and these entries were written long ago (in the load test that read
     * was 6 % of the stream thread's CPU).
     */
    private void deleteCovered(int count) {
        List<KeyValue<Long, J>> tombstones = new ArrayList<>(Math.min(count, coveredKeys.size()));
        while (tombstones.size() < count && !coveredKeys.isEmpty()) {
            tombstones.add(KeyValue.pair(coveredKeys.poll(), null));
        }
        if (!tombstones.isEmpty()) {
            journal.putAll(tombstones);
        }
    }
}
