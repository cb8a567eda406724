package io.streamlearn.load.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

import org.junit.jupiter.api.Test;

class SustainedRateSearchTest {

    @Test
    void climbsUntilAFailureThenBisectsToWithinTenPercent() {
        SustainedRateSearch search = SustainedRateSearch.standard(1000, 10);
        List<Double> tried = run(search, rate -> rate <= 2000);
        assertThat(tried).containsExactly(800.0, 1600.0, 3200.0, 2400.0, 2000.0, 2200.0);
        assertThat(search.sustainedRate()).isEqualTo(2000.0);
        assertThat(search.bracketed()).isTrue();
    }

    @Test
    void backsOffWhenEvenTheFirstStepFailsThenBisects() {
        SustainedRateSearch search = SustainedRateSearch.standard(1000, 10);
        List<Double> tried = run(search, rate -> rate <= 400);
        assertThat(tried).containsExactly(800.0, 560.0, 390.0, 480.0, 440.0, 420.0);
        assertThat(search.sustainedRate()).isEqualTo(390.0);
    }

    @Test
    void aSearchThatRunsOutOfStepsWhileClimbingIsOnlyALowerBound() {
        SustainedRateSearch search = SustainedRateSearch.standard(1000, 3);
        assertThat(run(search, rate -> true)).containsExactly(800.0, 1600.0, 3200.0);
        assertThat(search.sustainedRate()).isEqualTo(3200.0);
        assertThat(search.bracketed()).isFalse();
    }

    @Test
    void reportsZeroWhenNothingIsSustainedDownToTheMinimumRate() {
        SustainedRateSearch search = SustainedRateSearch.standard(20, 20);
        run(search, rate -> false);
        assertThat(search.sustainedRate()).isZero();
        assertThat(search.outcomes()).allMatch(outcome -> outcome.targetRate() >= 10);
    }

    @Test
    void ratesAreRoundedToTwoSignificantDigits() {
        assertThat(SustainedRateSearch.roundRate(12_345)).isEqualTo(12_000);
        assertThat(SustainedRateSearch.roundRate(987)).isEqualTo(990);
        assertThat(SustainedRateSearch.roundRate(0)).isZero();
    }

    private static List<Double> run(SustainedRateSearch search, DoublePredicate sustains) {
        List<Double> tried = new ArrayList<>();
        OptionalDouble next;
        while ((next = search.nextRate()).isPresent()) {
            double rate = next.getAsDouble();
            tried.add(rate);
            boolean ok = sustains.test(rate);
            search.record(new StepOutcome(rate, rate, rate, 0, ok ? 0 : 1000, ok ? 0.1 : 5, 0, ok,
                    ok ? StepVerdict.KEPT_UP : "backlog grew", null));
        }
        return tried;
    }
}
