package io.streamlearn.load.generate;

/**
 * A model the service serves, with the topics of its contract and the field that ties a prediction
 * back to its input event.
 */
public enum Workload {
    RECOMMENDATION("recommendation", "interactions", "recommendations", "eventId"),
    SUPPORT("support", "support-messages", "support-predictions", "messageId");

    private final String label;
    private final String inputTopic;
    private final String outputTopic;
    private final String idField;

    Workload(String label, String inputTopic, String outputTopic, String idField) {
        this.label = label;
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
        this.idField = idField;
    }

    public String label() {
        return label;
    }

    public String inputTopic() {
        return inputTopic;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public String idField() {
        return idField;
    }

    /** The pass-through baseline's own topics, so it never mixes with the service's. */
    public String baselineInputTopic() {
        return "load-baseline-" + inputTopic;
    }

    public String baselineOutputTopic() {
        return "load-baseline-" + outputTopic;
    }

    public static Workload fromLabel(String label) {
        for (Workload workload : values()) {
            if (workload.label.equals(label)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + label + "' (recommendation, support)");
    }
}
