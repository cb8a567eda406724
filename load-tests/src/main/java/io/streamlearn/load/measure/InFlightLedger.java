package io.streamlearn.load.measure;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Intended send times of the events in flight, in a ring indexed by sequence number, shared by the
 * producing thread (writes) and the prediction consumer (takes). Bounded memory whatever the run
 * length; an answer that arrives after its slot was reused by a much later event is counted as
 * unmatched rather than given a wrong latency.
 */
public final class InFlightLedger {

    private static final long ANSWERED = Long.MIN_VALUE;

    private final int mask;
    private final AtomicLongArray sequences;
    private final AtomicLongArray intendedNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();

    /** @param capacityPowerOfTwo slots as a power of two (22 = 4M events, 64 MiB) */
    public InFlightLedger(int capacityPowerOfTwo) {
        int capacity = 1 << capacityPowerOfTwo;
        this.mask = capacity - 1;
        this.sequences = new AtomicLongArray(capacity);
        this.intendedNanos = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, -1);
        }
    }

    /** Records an event about to be sent. */
    public void register(long sequence, long intended) {
        int slot = (int) (sequence & mask);
        intendedNanos.set(slot, intended);
        sequences.set(slot, sequence);
        sent.incrementAndGet();
    }

    /**
     * Marks the event answered and returns its latency in nanoseconds, or -1 if the answer is a
     * duplicate or does not match a registered event.
     */
    public long answer(long sequence, long readNanos) {
        int slot = (int) (sequence & mask);
        if (sequence < 0 || sequences.get(slot) != sequence) {
            unmatched.incrementAndGet();
            return -1;
        }
        long intended = intendedNanos.getAndSet(slot, ANSWERED);
        if (intended == ANSWERED) {
            duplicates.incrementAndGet();
            return -1;
        }
        answered.incrementAndGet();
        return Math.max(0, readNanos - intended);
    }

    public long sent() {
        return sent.get();
    }

    public long answered() {
        return answered.get();
    }

    /** Sent but not yet answered: the end-to-end lag in events (consumer lag plus work in progress). */
    public long outstanding() {
        return sent.get() - answered.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long unmatched() {
        return unmatched.get();
    }
}
