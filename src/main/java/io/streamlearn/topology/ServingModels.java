package io.streamlearn.topology;

import io.streamlearn.intent.IntentAnswer;
import io.streamlearn.intent.IntentClassifier;
import io.streamlearn.intent.IntentConfig;
import io.streamlearn.intent.IntentExample;
import io.streamlearn.intent.IntentQuery;
import io.streamlearn.learn.ClassificationMetrics;
import io.streamlearn.learn.TaskModels;
import io.streamlearn.recommend.RecommendationAnswer;
import io.streamlearn.recommend.RecommendationQuery;
import io.streamlearn.recommend.SequenceRecommender;
import io.streamlearn.recommend.TrainingExample;

/** The live models of this instance, per model kind, as the tasks register them. */
public class ServingModels {

    private final TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> recommend =
            new TaskModels<>();

    private final TaskModels<IntentQuery, IntentAnswer, IntentExample, IntentClassifier> intent = new TaskModels<>();

    private final ClassificationMetrics intentQuality = new ClassificationMetrics(IntentConfig.UNKNOWN);

    public TaskModels<IntentQuery, IntentAnswer, IntentExample, IntentClassifier> intent() {
        return intent;
    }

    /** Test-then-train accuracy, macro-F1 and unknown rate of the intent models of this instance. */
    public ClassificationMetrics intentQuality() {
        return intentQuality;
    }

    public TaskModels<RecommendationQuery, RecommendationAnswer, TrainingExample, SequenceRecommender> recommend() {
        return recommend;
    }
}
