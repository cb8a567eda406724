package io.streamlearn.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled examples waiting for the next mini-batch, with the wall-clock arrival of the oldest. The
 * journal makes them durable; this is the in-memory view the processor learns from.
 */
final class ExampleBuffer<E> {

    private final List<E> examples;
    private long oldestArrivalMillis;

    ExampleBuffer(List<E> restored, long nowMillis) {
        this.examples = new ArrayList<>(restored);
        this.oldestArrivalMillis = nowMillis;
    }

    void add(E example, long nowMillis) {
        if (examples.isEmpty()) {
            oldestArrivalMillis = nowMillis;
        }
        examples.add(example);
    }

    int size() {
        return examples.size();
    }

    long oldestArrivalMillis() {
        return oldestArrivalMillis;
    }

    List<E> drain() {
        List<E> batch = List.copyOf(examples);
        examples.clear();
        return batch;
    }
}
