package io.streamlearn.intent;

import java.util.List;

import io.streamlearn.event.ScoredIntent;

/**
 * The model's answer for one message.
 *
 * @param intent the published intent: {@code bestIntent}, or {@link IntentConfig#UNKNOWN} when its
 *        confidence is below {@code threshold} (or nothing has been learned yet)
 * @param confidence the best intent's probability
 * @param bestIntent the most probable intent whatever the threshold; null before any intent is known
 * @param alternatives the next most probable intents, best first
 * @param threshold the out-of-scope threshold in force
 */
public record IntentAnswer(String intent, double confidence, String bestIntent, List<ScoredIntent> alternatives,
        double threshold) {

    public boolean isUnknown() {
        return IntentConfig.UNKNOWN.equals(intent);
    }
}
