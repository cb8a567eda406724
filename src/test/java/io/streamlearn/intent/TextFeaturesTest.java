package io.streamlearn.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TextFeaturesTest {

    private final TextFeatures features = new TextFeatures(new FeatureSettings(1 << 18, 3, 5, true, 7));

    @Test
    void wordsAreNormalisedLowerCaseWithDigitsFolded() {
        assertThat(TextFeatures.words("Where's my ORDER #12345?")).containsExactly("where", "s", "my", "order", "00000");
    }

    @Test
    void fullWidthAndCompatibilityFormsFoldToOneSpelling() {
        assertThat(TextFeatures.words("ＲＥＦＵＮＤ ﬁle")).containsExactly("refund", "file");
    }

    @Test
    void scriptsWithoutSpacesStillYieldCharacterNgrams() {
        int[] occurrences = features.occurrences("我想取消订单");
        assertThat(TextFeatures.words("我想取消订单")).hasSize(1);
        assertThat(occurrences.length).isGreaterThan(5);
    }

    @Test
    void accentsAndCombiningMarksStayInsideWordsComposedToOneForm() {
        assertThat(TextFeatures.words("Café naïve e\u0301te")).containsExactly("café", "naïve", "\u00e9te");
    }

    @Test
    void emptyOrPunctuationOnlyTextHasNoFeatures() {
        assertThat(features.occurrences("  ?!  ")).isEmpty();
        assertThat(features.vector("...").isEmpty()).isTrue();
    }

    @Test
    void everyBucketIsInsideTheTable() {
        FeatureSettings small = new FeatureSettings(97, 2, 4, true, 1);
        int[] occurrences = new TextFeatures(small).occurrences("I need to cancel my subscription today, please!");
        assertThat(Arrays.stream(occurrences).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(occurrences).max().orElseThrow()).isLessThan(97);
    }

    @Test
    void relatedWordFormsShareCharacterNgrams() {
        int[] refund = features.occurrences("refund");
        int[] refunded = features.occurrences("refunded");
        long shared = Arrays.stream(refund).filter(b -> Arrays.stream(refunded).anyMatch(o -> o == b)).count();
        assertThat(shared).isGreaterThanOrEqualTo(4);
    }

    @Test
    void bigramsDistinguishWordOrder() {
        assertThat(sorted(features.occurrences("card lost"))).isNotEqualTo(sorted(features.occurrences("lost card")));
    }

    @Test
    void vectorWeightsSumToOneOverDistinctBuckets() {
        FeatureVector vector = features.vector("cancel cancel cancel my order");
        float total = 0;
        for (float weight : vector.weights()) {
            total += weight;
        }
        assertThat(total).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(vector.buckets()).doesNotHaveDuplicates();
    }

    @Test
    void veryLongWordsAreBounded() {
        int[] occurrences = features.occurrences("x".repeat(5000));
        assertThat(occurrences.length).isLessThan(3 * (TextFeatures.MAX_WORD_CODE_POINTS + 2));
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
