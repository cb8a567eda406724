package io.streamlearn.learn;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;


/**
 * One task's model, shared between its stream thread (which learns) and HTTP threads (which only
 * predict): learning takes the write lock, predictions the read lock.
 */
public final class ModelHandle<Q, A, E, M extends OnlineModel<Q, A, E>> {

    private final M model;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public ModelHandle(M model) {
        this.model = model;
    }

    public A predict(Q query) {
        return read(m -> m.predict(query));
    }

    public Set<String> learn(List<E> batch) {
        return write(m -> m.learn(batch));
    }

    /** Changes the model under the write lock (no prediction sees a change half done). */
    public <T> T write(Function<M, T> writer) {
        lock.writeLock().lock();
        try {
            return writer.apply(model);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Reads anything from the model under the read lock (a learn in progress finishes first). */
    public <T> T read(Function<M, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(model);
        } finally {
            lock.readLock().unlock();
        }
    }
}
