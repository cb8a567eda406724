package io.streamlearn.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkloadRunTest {

    private static final SystemRun SERVICE = search("service", 6_000);

    @Test
    void theRatioTakesTheMeanOfBothBaselineSearches() {
        WorkloadRun run = WorkloadRun.measured("recommendation", 1, search("baseline", 40_000),
                search("baseline", 60_000), SERVICE);

        assertThat(run.throughputRatio()).isCloseTo(0.12, within(1e-9));
    }

    @Test
    void aBaselineSearchThatSustainedNoStepDoesNotHalveTheDenominator() {
        WorkloadRun run = WorkloadRun.measured("recommendation", 1, search("baseline", 40_000),
                search("baseline", 0), SERVICE);

        assertThat(run.throughputRatio()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void withoutAnyBaselineRateThereIsNoRatio() {
        WorkloadRun run = WorkloadRun.measured("recommendation", 1, search("baseline", 0), null, SERVICE);

        assertThat(run.throughputRatio()).isNull();
    }

    private static SystemRun search(String system, double sustained) {
        return new SystemRun(system, 0, sustained, true, List.of(), null);
    }
}
