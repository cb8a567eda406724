package io.streamlearn.topology;

/** Names of the topics the service reads and writes (see {@code topics/}). */
public record TopicNames(String interactions, String recommendations, String deadLetters,
        String supportMessages, String supportPredictions, String supportFeedback, String modelSync) {

    public static TopicNames defaults() {
        return new TopicNames("interactions", "recommendations", "streamlearn-dlq",
                "support-messages", "support-predictions", "support-feedback", "streamlearn-model-sync");
    }
}
