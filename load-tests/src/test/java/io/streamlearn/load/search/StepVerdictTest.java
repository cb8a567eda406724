package io.streamlearn.load.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepVerdictTest {

    private final StepVerdict verdict = StepVerdict.standard();

    @Test
    void aSystemThatKeepsPaceAndCatchesUpQuicklySustainsTheRate() {
        StepOutcome outcome = verdict.judge(1000, 8, 1000, 980, 120, 130, 0.2, 3);
        assertThat(outcome.sustained()).isTrue();
        assertThat(outcome.reason()).isEqualTo(StepVerdict.KEPT_UP);
    }

    @Test
    void aGrowingBacklogMeansTheRateWasNotSustained() {
        StepOutcome outcome = verdict.judge(1000, 8, 1000, 900, 400, 2400, 2.5, 3);
        assertThat(outcome.sustained()).isFalse();
        assertThat(outcome.reason()).contains("backlog grew");
    }

    @Test
    void aSlowCatchUpAfterTheStepMeansTheRateWasNotSustained() {
        StepOutcome outcome = verdict.judge(1000, 8, 1000, 900, 500, 600, 3.0, 3);
        assertThat(outcome.sustained()).isFalse();
        assertThat(outcome.reason()).contains("catch up");
    }

    @Test
    void keepingPaceOnlyBehindALargeStandingQueueIsNotSustained() {
        StepOutcome outcome = verdict.judge(1000, 8, 1000, 1000, 1500, 1500, 0.9, 0);
        assertThat(outcome.sustained()).isFalse();
        assertThat(outcome.reason()).contains("standing backlog");
    }

    @Test
    void aBacklogThatNeverDrainsFails() {
        assertThat(verdict.judge(100, 8, 100, 90, 10, 10, Double.POSITIVE_INFINITY, 0).reason())
                .isEqualTo("backlog never drained");
    }

    @Test
    void aLoadGeneratorThatFellBehindInvalidatesTheStep() {
        StepOutcome outcome = verdict.judge(50_000, 8, 40_000, 40_000, 0, 0, 0.1, 2500);
        assertThat(outcome.sustained()).isFalse();
        assertThat(outcome.reason()).contains("load generator");
    }

    @Test
    void longerStepsAllowAProportionallyLongerCatchUp() {
        assertThat(verdict.judge(1000, 30, 1000, 990, 100, 100, 2.5, 0).sustained()).isTrue();
        assertThat(verdict.judge(1000, 8, 1000, 990, 100, 100, 2.5, 0).sustained()).isFalse();
    }
}
