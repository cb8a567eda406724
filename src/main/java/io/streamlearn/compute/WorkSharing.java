package io.streamlearn.compute;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Shares the independent parts of one job between the calling thread and helper threads. The
 * caller works too and takes every part no helper has started, so it never waits for a helper the
 * scheduler has not run yet (the barrier that made ND4J's own threading slower on busy cores, see
 * {@link NativeThreads}); it only waits for parts already under way. That bounds the work it
 * waits for, not the time: on a machine without an idle core, each wake-up of a helper and each
 * wait for its part cost the caller run-queue time (in the overloaded load test on 2 cores, a
 * stream thread with one helper waited 0.35–0.38 of a core to run against 0.16–0.22 alone, and
 * answered 9–29 % fewer events). Helpers are for cores the stream threads leave idle.
 *
 * <p>Parts run concurrently: each must only read state that no other part writes, and the caller
 * must not change that state until {@link #run} returns.
 */
public final class WorkSharing implements AutoCloseable {

    /** No helpers: every part runs on the calling thread, in order. */
    public static final WorkSharing CALLER_ONLY = new WorkSharing(0);

    private final int helpers;
    private final ExecutorService executor;
    /** Invitations not yet picked up: at most one per helper, so a starved helper's queue stays short. */
    private final AtomicInteger waitingInvitations = new AtomicInteger();

    private WorkSharing(int helpers) {
        this.helpers = helpers;
        this.executor = helpers == 0 ? null : Executors.newFixedThreadPool(helpers, WorkSharing::helperThread);
    }

    /** @param helpers threads that help every caller of this instance; 0 for {@link #CALLER_ONLY} */
    public static WorkSharing withHelpers(int helpers) {
        if (helpers < 0) {
            throw new IllegalArgumentException("helper threads must be 0 or more, got " + helpers);
        }
        return helpers == 0 ? CALLER_ONLY : new WorkSharing(helpers);
    }

    /** Threads that may work on one call's parts: the caller and the helpers. */
    public int threads() {
        return helpers + 1;
    }

    /** Runs {@code part.accept(i)} for every {@code i < parts}; returns when all have finished. */
    public void run(int parts, IntConsumer part) {
        int invited = Math.min(helpers, parts - 1);
        if (invited <= 0) {
            for (int i = 0; i < parts; i++) {
                part.accept(i);
            }
            return;
        }
        Job job = new Job(parts, part, Thread.currentThread());
        for (int h = 0; h < invited && waitingInvitations.getAndUpdate(this::oneMoreIfRoom) < helpers; h++) {
            invite(job);
        }
        job.work();
        job.awaitAll();
    }

    private void invite(Job job) {
        try {
            executor.execute(() -> {
                waitingInvitations.decrementAndGet();
                job.work();
            });
        } catch (RejectedExecutionException e) {
            // Closed (the application is stopping while a stream thread still works): the caller does every part.
            waitingInvitations.decrementAndGet();
        }
    }

    private int oneMoreIfRoom(int waiting) {
        return waiting < helpers ? waiting + 1 : waiting;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static Thread helperThread(Runnable work) {
        Thread thread = new Thread(work, "streamlearn-helper");
        // Helpers hold no state of their own: they must not keep the JVM up.
        thread.setDaemon(true);
        return thread;
    }

    /** One call's parts: whoever is free claims the next one. */
    private static final class Job {
        private final int parts;
        private final IntConsumer part;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int parts, IntConsumer part, Thread caller) {
            this.parts = parts;
            this.part = part;
            this.caller = caller;
        }

        /** Claims and runs parts until none is left; a helper arriving after that does nothing. */
        void work() {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    part.accept(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    if (finished.incrementAndGet() == parts) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /**
         * Waits for the parts helpers still run. An interrupt does not end the wait (the parts read
         * state the caller may change once this returns); they are short, so the wait is too.
         */
        void awaitAll() {
            while (finished.get() < parts) {
                LockSupport.park(this);
            }
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed != null) {
                throw (Error) failed;
            }
        }
    }
}
