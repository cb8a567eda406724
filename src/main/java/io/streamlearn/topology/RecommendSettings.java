package io.streamlearn.topology;

import io.streamlearn.compute.WorkSharing;
import io.streamlearn.learn.MiniBatchPolicy;
import io.streamlearn.recommend.LearningSignal;
import io.streamlearn.recommend.RecommenderConfig;
import io.streamlearn.sync.SyncSettings;

/**
 * Everything the recommendation part of the topology needs.
 *
 * @param model the recommender's settings
 * @param batching when buffered interactions are learned
 * @param answering when waiting interactions are answered (together, before their batch is learned)
 * @param signal how interactions count as positives
 * @param checkpointInterval mini-batches between writes of the model's rows (the journal covers the rest)
 * @param sync how the tasks' model replicas share parameters
 * @param workSharing the instance's helper threads, shared by its tasks' models
 */
public record RecommendSettings(RecommenderConfig model, MiniBatchPolicy batching, MiniBatchPolicy answering,
        LearningSignal signal, int checkpointInterval, SyncSettings sync, WorkSharing workSharing) {
}
