package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamlearn.fixtures.MovieLensRatings;
import io.streamlearn.fixtures.SharedData;

class RecommenderQualityTest {

    @Test
    void beatsPopularityOnMovieLensReplay() {
        List<MovieLensRatings.Rating> ratings = MovieLensRatings.inTimeOrder(
                SharedData.require("movielens-latest-small/ratings.csv"), 20_000);
        PrequentialReplay.Result result = PrequentialReplay.run(ratings, RecommenderConfig.builder().build(), 64);
        System.out.printf("MovieLens 20k: HR@10 model %.4f, popularity %.4f, ratio %.2f over %d relevant events%n",
                result.modelHitRate(), result.popularityHitRate(), result.ratio(), result.relevantEvents());
        assertThat(result.modelHitRate()).isGreaterThan(result.popularityHitRate());
    }
}
