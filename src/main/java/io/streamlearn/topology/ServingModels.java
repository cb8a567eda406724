package io.streamlearn.topology;

import io.streamlearn.learn.TaskModels;
import io.streamlearn.recommend.RecommendationAnswer;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.recommend.SequenceRecommender;
import io.streamlearn.recommend.TrainingExample;

/** The live models of this instance, per model kind, as the tasks register them. */
public class ServingModels {

    private final TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> recommend =
            new TaskModels<>();

    public TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> recommend() {
        return recommend;
    }
}
