package io.streamlearn.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Examples answered but not yet learned, mirrored in a state store so that a crash between an
 * answer and the mini-batch that learns it loses nothing: the input offset is committed with the
 * answer, and the example survives in the store until its batch is learned.
 */
final class PendingBatch<E> {

    private final KeyValueStore<Long, E> store;
    private final List<E> examples = new ArrayList<>();
    private long nextSequence;
    private long oldestArrivalMillis;

    PendingBatch(KeyValueStore<Long, E> store, long nowMillis) {
        this.store = store;
        try (KeyValueIterator<Long, E> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Long, E> entry = all.next();
                examples.add(entry.value);
                nextSequence = entry.key + 1;
            }
        }
        oldestArrivalMillis = nowMillis;
    }

    void add(E example, long nowMillis) {
        if (examples.isEmpty()) {
            oldestArrivalMillis = nowMillis;
        }
        store.put(nextSequence++, example);
        examples.add(example);
    }

    int size() {
        return examples.size();
    }

    long oldestArrivalMillis() {
        return oldestArrivalMillis;
    }

    /** Hands out the buffered examples and forgets them, in memory and in the store. */
    List<E> drain() {
        List<E> batch = List.copyOf(examples);
        long first = nextSequence - examples.size();
        for (long sequence = first; sequence < nextSequence; sequence++) {
            store.delete(sequence);
        }
        examples.clear();
        nextSequence = 0;
        return batch;
    }
}
