package io.streamlearn.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkSharingTest {

    private final WorkSharing sharing = WorkSharing.withHelpers(2);

    @AfterEach
    void stopHelpers() {
        sharing.close();
    }

    @Test
    void runsEveryPartExactlyOnce() {
        for (int round = 0; round < 200; round++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(17);
            sharing.run(17, runs::incrementAndGet);
            for (int part = 0; part < 17; part++) {
                assertThat(runs.get(part)).as("part %d of round %d", part, round).isEqualTo(1);
            }
        }
    }

    /**
     * A part the caller takes waits for a helper to start another, so the caller cannot finish the
     * job alone. (The helpers may also take both parts before the caller claims one.)
     */
    @Test
    void helpersTakePartsTheCallerCannotFinishAlone() {
        for (int round = 0; round < 50; round++) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch helperStarted = new CountDownLatch(1);
            Thread caller = Thread.currentThread();
            sharing.run(2, part -> {
                threads.add(Thread.currentThread().getName());
                if (Thread.currentThread() == caller) {
                    await(helperStarted);
                } else {
                    helperStarted.countDown();
                }
            });
            assertThat(threads).as("round %d", round).contains("streamlearn-helper")
                    .isSubsetOf(caller.getName(), "streamlearn-helper");
        }
    }

    @Test
    void theCallerDoesEveryPartWhenTheHelpersAreBusy() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch helpersBusy = new CountDownLatch(2);
        // Both helpers take a part of this job and hold it; its caller waits until they have.
        Thread blocker = new Thread(() -> sharing.run(3, part -> {
            if (Thread.currentThread().getName().equals("streamlearn-helper")) {
                helpersBusy.countDown();
                await(release);
            } else {
                await(helpersBusy);
            }
        }));
        blocker.start();
        assertThat(helpersBusy.await(10, TimeUnit.SECONDS)).isTrue();

        Set<String> threads = ConcurrentHashMap.newKeySet();
        sharing.run(8, part -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).containsExactly(Thread.currentThread().getName());
        release.countDown();
        blocker.join();
    }

    @Test
    void aFailingPartFailsTheRunAfterTheOthersFinish() {
        AtomicIntegerArray runs = new AtomicIntegerArray(6);
        assertThatThrownBy(() -> sharing.run(6, part -> {
            runs.incrementAndGet(part);
            if (part == 3) {
                throw new IllegalArgumentException("part 3 is bad");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("part 3 is bad");
        for (int part = 0; part < 6; part++) {
            assertThat(runs.get(part)).isEqualTo(1);
        }
    }

    @Test
    void afterCloseTheCallerDoesEveryPart() {
        sharing.close();
        AtomicIntegerArray runs = new AtomicIntegerArray(5);
        sharing.run(5, runs::incrementAndGet);
        for (int part = 0; part < 5; part++) {
            assertThat(runs.get(part)).isEqualTo(1);
        }
    }

    @Test
    void withoutHelpersRunsThePartsInOrderOnTheCaller() {
        StringBuilder order = new StringBuilder();
        WorkSharing.CALLER_ONLY.run(4, order::append);
        assertThat(order).hasToString("0123");
        assertThat(WorkSharing.withHelpers(0)).isSameAs(WorkSharing.CALLER_ONLY);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
