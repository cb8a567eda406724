package io.streamlearn.load.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class LatencyMeterTest {

    @Test
    void splitsEachSecondsLatenciesAtTheAnswerWhereThePredictionSaysWhenItWasProduced() throws InterruptedException {
        LatencyMeter meter = new LatencyMeter(new InFlightLedger(4), RunClock.startingNow());
        meter.beginPhase("service latency 100/s", 100);
        for (int i = 1; i <= 100; i++) {
            meter.record(i * 1_000_000L, i / 10);
        }
        meter.record(500_000_000L, -1); // no producedAt: counts end to end only
        Thread.sleep(2);

        meter.endPhase();

        List<IntervalSample> samples = meter.samples();
        IntervalSample second = samples.get(samples.size() - 1);
        assertThat(second.maxMs()).isEqualTo(500.0, within(0.5));
        assertThat(second.afterAnswer().count()).isEqualTo(100);
        assertThat(second.afterAnswer().maxMs()).isEqualTo(10.0, within(0.01));
        assertThat(second.afterAnswer().p50Ms()).isEqualTo(5.0, within(0.01));
    }
}
