package io.streamlearn.topology;

import io.streamlearn.event.Interaction;
import io.streamlearn.recommend.TrainingExample;

import java.util.List;

/**
 * An interaction waiting in the mini-batch: everything needed to answer it and then learn from it,
 * as of its arrival — the user's recent items before it, and whether the user had never seen the
 * item (so the item is excluded only from answers to the user's later interactions).
 */
record PendingAnswer(Interaction interaction, long recordTimestamp, List<String> recentItems, boolean firstSight) {

    TrainingExample example(float weight) {
        return new TrainingExample(recentItems, interaction.itemId(), weight, interaction.timestamp());
    }
}
