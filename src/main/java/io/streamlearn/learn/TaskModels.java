package io.streamlearn.learn;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The models of the tasks this instance currently runs, by input partition, so that the REST API
 * and the metrics can reach them. Tasks register on init and leave on close.
 */
public final class TaskModels<Q, A, E, M extends OnlineModel<Q, A, E>> {

    private final ConcurrentMap<Integer, ModelHandle<Q, A, E, M>> byPartition = new ConcurrentHashMap<>();
    private final PrequentialMetrics metrics = new PrequentialMetrics();

    public void register(int partition, ModelHandle<Q, A, E, M> handle) {
        byPartition.put(partition, handle);
    }

    public void unregister(int partition, ModelHandle<Q, A, E, M> handle) {
        byPartition.remove(partition, handle);
    }

    public Optional<ModelHandle<Q, A, E, M>> forPartition(int partition) {
        return Optional.ofNullable(byPartition.get(partition));
    }

    public Collection<ModelHandle<Q, A, E, M>> all() {
        return List.copyOf(byPartition.values());
    }

    public PrequentialMetrics metrics() {
        return metrics;
    }
}
