package io.streamlearn.load.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void spacesEventsEvenlyAtTheTargetRate() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(5 * SECOND, 1000);
        assertThat(schedule.intendedNanos(0)).isEqualTo(5 * SECOND);
        assertThat(schedule.intendedNanos(1)).isEqualTo(5 * SECOND + 1_000_000);
        assertThat(schedule.intendedNanos(1000)).isEqualTo(6 * SECOND);
    }

    @Test
    void countsTheEventsDueByAnInstant() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 1000);
        assertThat(schedule.dueBy(-1)).isZero();
        assertThat(schedule.dueBy(0)).isEqualTo(1);
        assertThat(schedule.dueBy(999_999)).isEqualTo(1);
        assertThat(schedule.dueBy(1_000_000)).isEqualTo(2);
        assertThat(schedule.dueBy(SECOND)).isEqualTo(1001);
    }

    @Test
    void neverCallsAFutureEventDueAndNeverMissesAPastOne() {
        SplittableRandom random = new SplittableRandom(3);
        for (double rate : new double[] {1, 7, 333.3, 1000, 48_123.7}) {
            OpenLoopSchedule schedule = new OpenLoopSchedule(123_456_789L, rate);
            for (int i = 0; i < 10_000; i++) {
                long now = 123_456_789L + random.nextLong(60 * SECOND);
                long due = schedule.dueBy(now);
                assertThat(schedule.intendedNanos(due - 1)).isLessThanOrEqualTo(now);
                assertThat(schedule.intendedNanos(due)).isGreaterThan(now);
            }
        }
    }

    @Test
    void aSenderThatFellBehindCatchesUpWithoutShiftingIntendedTimes() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(0, 100);
        // The sender stalled for 2 s: 201 events are due at once, and each keeps its own intended
        // time, so the stall shows up as latency instead of vanishing from the measurement.
        assertThat(schedule.dueBy(2 * SECOND)).isEqualTo(201);
        assertThat(schedule.intendedNanos(50)).isEqualTo(SECOND / 2);
        assertThat(schedule.intendedNanos(200)).isEqualTo(2 * SECOND);
    }

    @Test
    void aRunOfGivenLengthHasRateTimesLengthEvents() {
        assertThat(new OpenLoopSchedule(0, 250).eventsIn(8)).isEqualTo(2000);
        assertThat(new OpenLoopSchedule(0, 0.5).eventsIn(3)).isEqualTo(1);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
