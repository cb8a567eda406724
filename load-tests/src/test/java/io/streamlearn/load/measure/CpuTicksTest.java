package io.streamlearn.load.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class CpuTicksTest {

    @Test
    void readsBusyStealAndTotalFromTheAggregateLine() {
        CpuTicks ticks = CpuTicks.parse(List.of(
                "cpu  300 10 50 600 20 0 40 30 7 0",
                "cpu0 150 5 25 300 10 0 20 15 7 0",
                "cpu1 150 5 25 300 10 0 20 15 0 0",
                "intr 12345")).orElseThrow();

        assertThat(ticks).isEqualTo(new CpuTicks(2, 300 + 10 + 50 + 40, 30, 400 + 600 + 20 + 30));
    }

    @Test
    void sharesOfTheMachineBecomeCoresOverTheInterval() {
        CpuTicks start = new CpuTicks(2, 1_000, 100, 5_000);
        CpuTicks end = new CpuTicks(2, 1_150, 110, 5_200);

        MachineCpu cpu = end.since(start, 1.0);

        assertThat(cpu.busyCores()).isCloseTo(1.5, within(1e-9));
        assertThat(cpu.stealCores()).isCloseTo(0.1, within(1e-9));
        assertThat(cpu.microsPerEvent(3_000)).isCloseTo(500, within(1e-9));
    }

    @Test
    void noAggregateLineMeansNothingToReport() {
        assertThat(CpuTicks.parse(List.of("intr 1 2 3"))).isEmpty();
    }

    @Test
    void anIntervalWithoutTicksCostsNothing() {
        CpuTicks same = new CpuTicks(2, 1_000, 100, 5_000);

        assertThat(same.since(same, 0.5)).isEqualTo(new MachineCpu(0.5, 0, 0));
        assertThat(new MachineCpu(1, 1, 0).microsPerEvent(0)).isZero();
    }
}
