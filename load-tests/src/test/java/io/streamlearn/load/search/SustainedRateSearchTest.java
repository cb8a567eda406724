package io.streamlearn.load.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

import org.junit.jupiter.api.Test;

class SustainedRateSearchTest {

    @Test
    void climbsWhileStepsPassAndStopsAtTheFirstFailure() {
        SustainedRateSearch search = SustainedRateSearch.standard(1000, 10);
        List<Double> tried = run(search, rate -> rate <= 1000);
        assertThat(tried).containsExactly(800.0, 920.0, 1100.0);
        assertThat(search.sustainedRate()).isEqualTo(920.0);
    }

    @Test
    void backsOffWhenEvenTheFirstStepFails() {
        SustainedRateSearch search = SustainedRateSearch.standard(1000, 10);
        List<Double> tried = run(search, rate -> rate <= 400);
        assertThat(tried).containsExactly(800.0, 560.0, 390.0, 450.0);
        assertThat(search.sustainedRate()).isEqualTo(390.0);
    }

    @Test
    void neverRunsMoreThanTheStepBudget() {
        SustainedRateSearch search = SustainedRateSearch.standard(1000, 3);
        assertThat(run(search, rate -> true)).hasSize(3);
        assertThat(search.sustainedRate()).isEqualTo(1100.0);
    }

    @Test
    void reportsZeroWhenNothingIsSustainedDownToTheMinimumRate() {
        SustainedRateSearch search = SustainedRateSearch.standard(100, 20);
        run(search, rate -> false);
        assertThat(search.sustainedRate()).isZero();
        assertThat(search.outcomes()).allMatch(outcome -> outcome.targetRate() >= 50);
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
                    ok ? StepVerdict.KEPT_UP : "backlog grew"));
        }
        return tried;
    }
}
