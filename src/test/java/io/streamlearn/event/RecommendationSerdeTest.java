package io.streamlearn.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RecommendationSerdeTest {

    private final RecommendationSerde serde = new RecommendationSerde();
    private final JsonSerde<Recommendation> dataBinding = new JsonSerde<>(Recommendation.class);

    @Test
    void writesTheBytesDataBindingWrites() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 500; n++) {
            Recommendation answer = randomAnswer(random, n % 12);

            assertThat(new String(serde.serializer().serialize("t", answer), StandardCharsets.UTF_8))
                    .isEqualTo(new String(dataBinding.serialize("t", answer), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesScoresThatShowTheDifferenceBetweenNumberFormatters() {
        // Values whose shortest decimal differs between Double.toString and Schubfach on Java 17.
        Recommendation answer = new Recommendation("e", "u", "i", 2.0E23,
                List.of(new ScoredItem("a", 1.0E23), new ScoredItem("b", 4.9E-324), new ScoredItem("c", 0.001)), 1, 2);

        assertThat(serde.serializer().serialize("t", answer)).isEqualTo(dataBinding.serialize("t", answer));
    }

    @Test
    void writesMissingFieldsAsNullLikeDataBinding() {
        Recommendation answer = new Recommendation(null, "u\"ser\n", "ïtem", 0.5, null, 0, 0);

        assertThat(serde.serializer().serialize("t", answer)).isEqualTo(dataBinding.serialize("t", answer));
    }

    @Test
    void readsWhatItWrites() {
        Recommendation answer = randomAnswer(new SplittableRandom(3), 10);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", answer))).isEqualTo(answer);
    }

    private static Recommendation randomAnswer(SplittableRandom random, int items) {
        List<ScoredItem> top = new ArrayList<>();
        for (int k = 0; k < items; k++) {
            top.add(new ScoredItem("i" + random.nextInt(100_000), 1 / (1 + Math.exp(-random.nextGaussian() * 4))));
        }
        return new Recommendation("event-" + random.nextLong(), "u" + random.nextInt(), "i" + random.nextInt(1000),
                random.nextDouble(), top, random.nextLong(1_000_000), 1_700_000_000_000L + random.nextLong(1_000_000));
    }
}
