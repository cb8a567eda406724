package io.streamlearn.load.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class JfrHotSpotsTest {

    @Test
    void ranksBySamplesWithPercentOfTheTotal() {
        assertThat(JfrHotSpots.ranked(Map.of("a", 10L, "b", 30L, "c", 60L), 200, 2)).containsExactly(
                new HotSpot("c", 60, 30.0), new HotSpot("b", 30, 15.0));
    }

    @Test
    void numberedThreadsOfOnePoolCountAsOne() {
        assertThat(JfrHotSpots.threadGroupName("data-plane-kafka-request-handler-3"))
                .isEqualTo("data-plane-kafka-request-handler-N");
        assertThat(JfrHotSpots.threadGroupName("streamlearn-0f8e2a1c-1b2c-4d5e-8f90-123456789abc-StreamThread-1"))
                .isEqualTo("streamlearn-<uuid>-StreamThread-N");
    }

    @Test
    void generatedLambdaClassesAreNotCountedAsServiceCode() {
        assertThat(JfrHotSpots.isServiceCode("io.streamlearn.recommend.TopK.select")).isTrue();
        assertThat(JfrHotSpots.isServiceCode("io.streamlearn.learn.ModelHandle$$Lambda$2550+0x1.apply")).isFalse();
        assertThat(JfrHotSpots.isServiceCode("java.lang.String.hashCode")).isFalse();
    }
}
