package io.streamlearn.topology;

import java.time.Duration;

import io.streamlearn.intent.IntentConfig;
import io.streamlearn.learn.MiniBatchPolicy;

/**
 * Everything the support (intent) part of the topology needs.
 *
 * @param model the intent classifier's settings
 * @param batching when buffered labelled messages are learned
 * @param messageRetention how long a message's text is kept for feedback
 * @param modelPartitions partitions of the internal topics feeding the intent task, i.e. how many
 *        independent intent models there are; 1 lets one model learn from every label
 * @param checkpointInterval mini-batches between writes of the model's rows (the journal covers the rest)
 */
public record SupportSettings(IntentConfig model, MiniBatchPolicy batching, Duration messageRetention,
        int modelPartitions, int checkpointInterval) {

    public SupportSettings {
        if (modelPartitions < 1 || checkpointInterval < 1 || messageRetention.isNegative() || messageRetention.isZero()) {
            throw new IllegalArgumentException("model partitions and message retention must be positive");
        }
    }
}
