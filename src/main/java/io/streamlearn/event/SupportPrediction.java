package io.streamlearn.event;

import java.util.List;

/**
 * The answer to one support message, published to {@code support-predictions}: computed before the
 * model learned that message's label, if it had one. {@code intent} is {@code unknown} when the
 * confidence is below the out-of-scope threshold.
 */
public record SupportPrediction(String messageId, String conversationId, String intent, double confidence,
        List<ScoredIntent> alternatives, long modelVersion, long producedAt) {
}
