package io.streamlearn.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RecommendationWriterTest {

    private final JsonSerde<Recommendation> dataBinding = new JsonSerde<>(Recommendation.class);

    @Test
    void writesTheBytesDataBindingWrites() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 500; n++) {
            Recommendation answer = randomAnswer(random, n % 12);

            assertThat(new String(RecommendationWriter.write(answer), StandardCharsets.UTF_8))
                    .isEqualTo(new String(dataBinding.serialize("t", answer), StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesScoresThatShowTheDifferenceBetweenNumberFormatters() {
        // Values whose shortest decimal differs between Float.toString and Schubfach on Java 17.
        Recommendation answer = new Recommendation("e", "u", "i", 2.82879384806159E17f,
                List.of(new ScoredItem("a", 4.59243398E17f), new ScoredItem("b", 1.4E-45f), new ScoredItem("c", 0.001f)), 1,
                2);

        assertThat(RecommendationWriter.write(answer)).isEqualTo(dataBinding.serialize("t", answer));
    }

    @Test
    void writesMissingFieldsAsNullLikeDataBinding() {
        Recommendation answer = new Recommendation(null, "u\"ser\n", "ïtem", 0.5f, null, 0, 0);

        assertThat(RecommendationWriter.write(answer)).isEqualTo(dataBinding.serialize("t", answer));
    }

    @Test
    void dataBindingReadsWhatItWrites() {
        Recommendation answer = randomAnswer(new SplittableRandom(3), 10);

        assertThat(dataBinding.deserialize("t", RecommendationWriter.write(answer))).isEqualTo(answer);
    }

    private static Recommendation randomAnswer(SplittableRandom random, int items) {
        List<ScoredItem> top = new ArrayList<>();
        for (int k = 0; k < items; k++) {
            top.add(new ScoredItem("i" + random.nextInt(100_000),
                    (float) (1 / (1 + Math.exp(-random.nextGaussian() * 4)))));
        }
        return new Recommendation("event-" + random.nextLong(), "u" + random.nextInt(), "i" + random.nextInt(1000),
                random.nextFloat(), top, random.nextLong(1_000_000), 1_700_000_000_000L + random.nextLong(1_000_000));
    }
}
