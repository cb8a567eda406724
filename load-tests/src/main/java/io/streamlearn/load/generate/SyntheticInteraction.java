package io.streamlearn.load.generate;

/** One generated interaction; {@code value} is set for ratings only. */
public record SyntheticInteraction(String userId, String itemId, InteractionKind kind, Double value) {

    /**
     * The contract's JSON. Built by hand because every field is a generated ASCII identifier or a
     * number, so nothing needs escaping, and this runs tens of thousands of times a second.
     */
    public String toJson(String eventId, long timestampMillis) {
        StringBuilder json = new StringBuilder(128)
                .append("{\"eventId\":\"").append(eventId)
                .append("\",\"userId\":\"").append(userId)
                .append("\",\"itemId\":\"").append(itemId)
                .append("\",\"type\":\"").append(kind.wireName()).append('"');
        if (value != null) {
            json.append(",\"value\":").append(value.doubleValue());
        }
        return json.append(",\"timestamp\":").append(timestampMillis).append('}').toString();
    }
}
