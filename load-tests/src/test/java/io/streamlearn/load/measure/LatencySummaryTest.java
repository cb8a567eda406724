package io.streamlearn.load.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesOfAUniformSpreadAreWhereTheyShouldBe() {
        Histogram micros = LatencySummary.newHistogram();
        for (long us = 1; us <= 100_000; us++) {
            micros.recordValue(us);
        }
        LatencySummary summary = LatencySummary.of(micros);
        assertThat(summary.count()).isEqualTo(100_000);
        // HdrHistogram at 3 significant digits: within 0.1 % of the exact value.
        assertThat(summary.p50Ms()).isCloseTo(50.0, offset(0.05));
        assertThat(summary.p90Ms()).isCloseTo(90.0, offset(0.09));
        assertThat(summary.p99Ms()).isCloseTo(99.0, offset(0.1));
        assertThat(summary.p999Ms()).isCloseTo(99.9, offset(0.1));
        assertThat(summary.maxMs()).isCloseTo(100.0, offset(0.1));
        assertThat(summary.meanMs()).isCloseTo(50.0, offset(0.05));
    }

    @Test
    void aRareOutlierShowsInTheTailNotTheMedian() {
        Histogram micros = LatencySummary.newHistogram();
        micros.recordValueWithCount(2_000, 9_980);
        micros.recordValueWithCount(900_000, 20);
        LatencySummary summary = LatencySummary.of(micros);
        assertThat(summary.p50Ms()).isCloseTo(2.0, offset(0.01));
        assertThat(summary.p99Ms()).isCloseTo(2.0, offset(0.01));
        assertThat(summary.p999Ms()).isCloseTo(900.0, offset(1.0));
        assertThat(summary.maxMs()).isCloseTo(900.0, offset(1.0));
    }

    @Test
    void anEmptyHistogramSummarisesToZeros() {
        assertThat(LatencySummary.of(LatencySummary.newHistogram())).isEqualTo(LatencySummary.EMPTY);
    }
}
