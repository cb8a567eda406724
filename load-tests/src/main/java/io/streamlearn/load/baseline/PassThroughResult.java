package io.streamlearn.load.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamlearn.load.generate.Workload;

/**
 * Builds the baseline's answer to one event: the same fields, nesting and size as the service's
 * prediction for that workload, filled with values derived from the input instead of a model.
 */
public final class PassThroughResult {

    /** The service answers with a top-10; the support contract's alternatives are assumed to be 3. */
    static final int RECOMMENDATIONS = 10;
    static final int ALTERNATIVES = 3;

    private final ObjectMapper json;

    public PassThroughResult(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode answer(Workload workload, JsonNode event, long nowMillis) {
        return switch (workload) {
            case RECOMMENDATION -> recommendation(event, nowMillis);
            case SUPPORT -> supportPrediction(event, nowMillis);
        };
    }

    private ObjectNode recommendation(JsonNode event, long nowMillis) {
        String itemId = event.path("itemId").asText();
        int seed = itemId.hashCode();
        ObjectNode out = json.createObjectNode();
        out.put("eventId", event.path("eventId").asText());
        out.put("userId", event.path("userId").asText());
        out.put("itemId", itemId);
        out.put("score", unitScore(seed));
        ArrayNode top = out.putArray("recommendations");
        for (int rank = 0; rank < RECOMMENDATIONS; rank++) {
            int mixed = seed * 31 + rank * 0x9E3779B9;
            top.addObject().put("itemId", "i" + Math.floorMod(mixed, 200_000)).put("score", unitScore(mixed));
        }
        out.put("modelVersion", 1L);
        out.put("producedAt", nowMillis);
        return out;
    }

    private ObjectNode supportPrediction(JsonNode event, long nowMillis) {
        String text = event.path("text").asText();
        int seed = text.hashCode();
        ObjectNode out = json.createObjectNode();
        out.put("messageId", event.path("messageId").asText());
        out.put("conversationId", event.path("conversationId").asText(event.path("messageId").asText()));
        out.put("intent", event.path("intent").asText("unknown"));
        out.put("confidence", unitScore(seed));
        ArrayNode alternatives = out.putArray("alternatives");
        for (int rank = 0; rank < ALTERNATIVES; rank++) {
            int mixed = seed * 31 + rank;
            alternatives.addObject().put("intent", "intent_" + Math.floorMod(mixed, 150)).put("confidence",
                    unitScore(mixed));
        }
        out.put("modelVersion", 1L);
        out.put("producedAt", nowMillis);
        return out;
    }

    /** A score in [0, 1) with the many digits a real float score prints with. */
    private static double unitScore(int seed) {
        return (Math.floorMod(seed * 0x5DEECE66DL + 11, 1L << 31)) / (double) (1L << 31);
    }
}
