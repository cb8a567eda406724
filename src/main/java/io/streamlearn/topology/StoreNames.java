package io.streamlearn.topology;

/** Every state store of the topology, named once. */
public final class StoreNames {

    /** Recommender parameters, optimizer state and item ID map, one row per item (shared side, per task). */
    public static final String RECOMMEND_MODEL = "recommend-model";
    /**
     * One entry per user–item pair seen, ordered by the user's latest interaction with the item:
     * items never to recommend to that user again, and the user's recent items (the user side of the
     * model, which lives with the user's partition).
     */
    public static final String RECOMMEND_USER_SEEN = "recommend-user-seen";
    /** Every example since the last write of {@code recommend-model}: learned batches and the one being filled. */
    public static final String RECOMMEND_JOURNAL = "recommend-journal";
    /** Global: every task's recent parameter publications from the sync topic, identical in every instance. */
    public static final String RECOMMEND_SYNC_ARCHIVE = "recommend-sync-archive";

    /** Intent model parameters, intents, rehearsal buffer and calibration, as small rows (one model per task). */
    public static final String INTENT_MODEL = "intent-model";
    /** Intent mini-batches learned since the last write of {@code intent-model}, re-learned on restore. */
    public static final String INTENT_JOURNAL = "intent-journal";
    /** Recent support messages' texts by messageId, for the feedback join. */
    public static final String INTENT_MESSAGES = "intent-messages";
    /** (due time, messageId) index of the message texts' expiry steps. */
    public static final String INTENT_MESSAGE_EXPIRY = "intent-message-expiry";

    private StoreNames() {
    }
}
