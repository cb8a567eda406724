package io.streamlearn.topology;

/** Every state store of the topology, named once. */
public final class StoreNames {

    /** Recommender parameters, optimizer state and item ID map, one row per item (shared side, per task). */
    public static final String RECOMMEND_MODEL = "recommend-model";
    /** Each user's recent items (the user side, lives with the user's partition). */
    public static final String RECOMMEND_USER_HISTORY = "recommend-user-history";
    /** One entry per user–item pair seen: items never to recommend to that user again. */
    public static final String RECOMMEND_USER_SEEN = "recommend-user-seen";
    /** Mini-batches learned since the last write of {@code recommend-model}, re-learned on restore. */
    public static final String RECOMMEND_JOURNAL = "recommend-journal";
    /** Interactions answered but not yet learned: the mini-batch being filled. */
    public static final String RECOMMEND_PENDING = "recommend-pending";

    private StoreNames() {
    }
}
