package io.streamlearn.load.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ZipfSamplerTest {

    @Test
    void rankFrequenciesFollowOneOverRank() {
        ZipfSampler sampler = new ZipfSampler(1000, 1.0);
        SplittableRandom random = new SplittableRandom(7);
        int[] counts = new int[1000];
        for (int i = 0; i < 200_000; i++) {
            counts[sampler.sample(1000, random)]++;
        }
        assertThat((double) counts[0] / counts[1]).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat((double) counts[0] / counts[9]).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.8));
        assertThat(counts[0]).isGreaterThan(counts[100]);
    }

    @Test
    void samplesOnlyFromTheCurrentCatalogueSize() {
        ZipfSampler sampler = new ZipfSampler(1000, 1.0);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            assertThat(sampler.sample(10, random)).isBetween(0, 9);
        }
    }

    @Test
    void rejectsSizesBeyondItsCapacity() {
        ZipfSampler sampler = new ZipfSampler(10, 1.0);
        assertThatThrownBy(() -> sampler.sample(11, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
