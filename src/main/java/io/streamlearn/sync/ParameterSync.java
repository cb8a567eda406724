package io.streamlearn.sync;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;

import io.streamlearn.checkpoint.CheckpointAction;
import io.streamlearn.checkpoint.CheckpointStore;
import io.streamlearn.learn.SharedParameters;

/**
 * One task's side of the parameter exchange. Each exchange publishes the increments the task's own
 * learning made since the previous one, and folds in every other source's publications it has not
 * folded in yet, in sequence order.
 *
 * <p>Merge rule: the model's ({@link SharedParameters#foldIn}); the recommender sums increments,
 * rescaled where several replicas stepped the same coordinate (each replica learns from different
 * events, so the sum is what one model would have learned from all of them; averaging would slow
 * every item's learning N-fold). Staleness is bounded: a replica misses at most the others' last
 * sync interval plus the archive's lag.
 *
 * <p>Exactly once: every {@code checkpointEvery}-th exchange runs inside a checkpoint, which stores
 * the folded rows and the {@link SyncLedger}. The exchanges in between write only a small
 * {@link ExchangeMarker} (what was published and folded, after which mini-batch); a restore redoes
 * them from the archive at the same point of the journal, and the task's own increments come back
 * exactly because re-learning is deterministic. Publications and markers commit in the task's
 * transaction, so a crash or a task move neither loses an increment nor applies one twice.
 */
public final class ParameterSync<D> implements CheckpointAction {

    private static final Logger LOG = Logger.getLogger(ParameterSync.class);

    private final String self;
    private final SharedParameters<D> replica;
    private final DeltaCodec<D> codec;
    private final SyncChannel channel;
    private final SyncSettings settings;
    private final CheckpointStore checkpoint;
    private final LongSupplier clock;
    private final SyncLedger ledger;
    /** Markers stored since the last checkpoint started (deleted once the next is complete). */
    private final List<String> markerKeys = new ArrayList<>();
    /** Markers found at start-up, redone while the journal is re-learned. */
    private final ArrayDeque<ExchangeMarker> toRedo = new ArrayDeque<>();
    private long lastExchangeMillis;

    /**
     * Where publications go and come from.
     *
     * @param archive the archive (global store) of every source's publications
     * @param publish sends one record (key = source) to the sync topic, in the task's transaction
     */
    public record SyncChannel(ReadOnlyKeyValueStore<String, byte[]> archive, BiConsumer<String, byte[]> publish) {
    }

    /**
     * This task's replica in the exchange.
     *
     * @param name the task's source name, e.g. {@code recommend/3} (kept when the task moves)
     */
    public record SyncSource<D>(String name, SharedParameters<D> replica, DeltaCodec<D> codec) {
    }

    /**
     * @param checkpoint the model's checkpoint, holding the ledger and the markers
     * @param clock wall-clock milliseconds (the task's)
     */
    public ParameterSync(SyncSource<D> source, SyncChannel channel, SyncSettings settings, CheckpointStore checkpoint,
            LongSupplier clock) {
        this.self = source.name();
        this.replica = source.replica();
        this.codec = source.codec();
        this.channel = channel;
        this.settings = settings;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.ledger = checkpoint.readCheckpointed(SyncLedger.KEY).map(SyncLedger::read).orElseGet(SyncLedger::new);
        // Marker keys are zero-padded exchange numbers: key order is the order they happened in.
        checkpoint.readPrefix(ExchangeMarker.PREFIX).forEach(row -> toRedo.add(ExchangeMarker.read(row.value())));
        this.lastExchangeMillis = clock.getAsLong();
    }

    public boolean isDue(long nowMillis) {
        return nowMillis - lastExchangeMillis >= settings.interval().toMillis();
    }

    /** Whether the next exchange should be part of a checkpoint. */
    public boolean checkpointDue() {
        return markerKeys.size() + 1 >= settings.checkpointEvery();
    }

    /**
     * An exchange between checkpoints, recorded for a restore to redo.
     *
     * @param afterVersion the model version (the last mini-batch learned)
     * @return keys of the model rows it changed (for the next checkpoint to write)
     */
    public Set<String> exchangeAndRecord(long afterVersion) {
        Exchange done = exchange();
        if (done.ownSequence() == 0 && done.folded().isEmpty()) {
            return Set.of();
        }
        ExchangeMarker marker = new ExchangeMarker(ledger.nextExchange(), afterVersion, done.ownSequence(), done.folded());
        checkpoint.write(List.of(marker.row()));
        markerKeys.add(marker.key());
        return done.changed();
    }

    /**
     * An exchange at the start of a checkpoint. The checkpoint stores its changes and the ledger, and
     * once complete deletes the markers up to this exchange's own. The exchange is recorded like
     * any other: until the checkpoint is complete a restore reads the previous one and must redo it.
     */
    @Override
    public Result run(long afterVersion) {
        Set<String> changed = exchangeAndRecord(afterVersion);
        List<String> redundantMarkers = List.copyOf(markerKeys);
        markerKeys.clear();
        return new Result(changed, List.of(ledger.row()), redundantMarkers);
    }

    @Override
    public Set<String> replayBefore(long version) {
        Set<String> changed = new LinkedHashSet<>();
        while (!toRedo.isEmpty() && toRedo.peek().afterVersion() < version) {
            ExchangeMarker marker = toRedo.poll();
            List<D> own = replica.takeOwnDelta();
            List<D> others = new ArrayList<>();
            for (ExchangeMarker.Range range : marker.folded()) {
                readInto(others, range);
                ledger.applied(range.source(), range.to());
            }
            if (marker.ownSequence() > 0) {
                ledger.published(marker.ownSequence());
            }
            ledger.exchanges(marker.number());
            if (!others.isEmpty()) {
                changed.addAll(replica.foldIn(own, others));
            }
            markerKeys.add(marker.key());
        }
        return changed;
    }

    private record Exchange(long ownSequence, List<ExchangeMarker.Range> folded, Set<String> changed) {
    }

    private Exchange exchange() {
        lastExchangeMillis = clock.getAsLong();
        List<D> own = replica.takeOwnDelta();
        long ownSequence = publish(own);
        List<ExchangeMarker.Range> folded = new ArrayList<>();
        List<D> others = othersNotYetFolded(folded);
        Set<String> changed = others.isEmpty() ? Set.of() : replica.foldIn(own, others);
        return new Exchange(ownSequence, folded, changed);
    }

    /** @return the publication's sequence number, 0 when there was nothing to publish */
    private long publish(List<D> own) {
        if (own.isEmpty()) {
            return 0;
        }
        List<byte[]> units = new ArrayList<>(own.size());
        own.forEach(unit -> units.add(codec.encode(unit)));
        long sequence = ledger.nextSequence();
        for (DeltaFrame frame : DeltaFrame.split(sequence, units)) {
            channel.publish().accept(self, frame.encode());
        }
        return sequence;
    }

    /** Every other source's publications past the ledger, in order; the ledger moves past them. */
    private List<D> othersNotYetFolded(List<ExchangeMarker.Range> folded) {
        List<D> others = new ArrayList<>();
        for (KeyValue<String, Long> head : heads()) {
            String source = head.key;
            long applied = ledger.applied(source);
            if (source.equals(self) || head.value <= applied) {
                continue;
            }
            long oldestRetained = Math.max(1, head.value - settings.retainedSequences() + 1);
            if (applied + 1 < oldestRetained) {
                LOG.warnf("%s: publications %d..%d of %s are no longer archived; folding in from %d",
                        self, applied + 1, oldestRetained - 1, source, oldestRetained);
            }
            ExchangeMarker.Range range = new ExchangeMarker.Range(source, Math.max(applied + 1, oldestRetained), head.value);
            readInto(others, range);
            ledger.applied(source, head.value);
            folded.add(range);
        }
        return others;
    }

    private List<KeyValue<String, Long>> heads() {
        List<KeyValue<String, Long>> heads = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = channel.archive().range(DeltaKeys.HEADS_FROM, DeltaKeys.HEADS_TO)) {
            all.forEachRemaining(entry -> heads.add(KeyValue.pair(DeltaKeys.sourceOfHead(entry.key),
                    ByteBuffer.wrap(entry.value).getLong())));
        }
        return heads;
    }

    /** Appends the units of every publication in the range that is whole and well-formed. */
    private void readInto(List<D> units, ExchangeMarker.Range range) {
        for (long sequence = range.from(); sequence <= range.to(); sequence++) {
            read(range.source(), sequence).ifPresent(units::addAll);
        }
    }

    /** Every part of one publication, decoded; empty (and logged) when a part is missing or malformed. */
    private Optional<List<D>> read(String source, long sequence) {
        List<D> units = new ArrayList<>();
        int parts = 1;
        try {
            for (int part = 0; part < parts; part++) {
                byte[] value = channel.archive().get(DeltaKeys.part(source, sequence, part));
                if (value == null) {
                    LOG.warnf("%s: part %d of publication %d of %s is missing; skipped", self, part, sequence, source);
                    return Optional.empty();
                }
                DeltaFrame frame = DeltaFrame.decode(value);
                parts = frame.parts();
                for (byte[] unit : frame.units()) {
                    units.add(codec.decode(ByteBuffer.wrap(unit)));
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s: publication %d of %s is malformed (%s); skipped", self, sequence, source, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(units);
    }
}
