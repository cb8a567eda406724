package io.streamlearn.load.generate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A seeded stream of support messages: real utterances drawn at random from a dataset, grouped into
 * interleaved conversations (key = conversationId). A share of messages carries its intent, as an
 * agent-confirmed label would, so an online model has something to learn from.
 */
public final class SupportMessageGenerator implements EventStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Utterance> utterances;
    private final SplittableRandom random;
    private final double labelledShare;
    private final String[] conversations;
    private final int[] remaining;
    private int nextConversation;

    public SupportMessageGenerator(List<Utterance> utterances, long seed, int concurrentConversations,
            double labelledShare) {
        if (utterances.isEmpty()) {
            throw new IllegalArgumentException("need at least one utterance");
        }
        this.utterances = utterances;
        this.random = new SplittableRandom(seed);
        this.labelledShare = labelledShare;
        this.conversations = new String[concurrentConversations];
        this.remaining = new int[concurrentConversations];
        for (int i = 0; i < concurrentConversations; i++) {
            openConversation(i);
        }
    }

    @Override
    public OutgoingEvent next(String messageId, long timestampMillis) {
        int slot = random.nextInt(conversations.length);
        String conversationId = conversations[slot];
        Utterance utterance = utterances.get(random.nextInt(utterances.size()));
        boolean labelled = random.nextDouble() < labelledShare;
        if (--remaining[slot] == 0) {
            openConversation(slot);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageId", messageId);
        message.put("conversationId", conversationId);
        message.put("text", utterance.text());
        if (labelled) {
            message.put("intent", utterance.intent());
        }
        message.put("timestamp", timestampMillis);
        try {
            return new OutgoingEvent(conversationId, JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a support message", e);
        }
    }

    private void openConversation(int slot) {
        conversations[slot] = "c" + nextConversation++;
        remaining[slot] = 1 + random.nextInt(5);
    }
}
