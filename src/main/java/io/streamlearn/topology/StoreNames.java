package io.streamlearn.topology;

/** Every state store of the topology, named once. */
public final class StoreNames {

    /** Recommender parameters, optimizer state and item ID map, one row per item (shared side, per task). */
    public static final String RECOMMEND_MODEL = "recommend-model";
    /** Each user's recent items (the user side, lives with the user's partition). */
    public static final String RECOMMEND_USER_HISTORY = "recommend-user-history";
    /** One entry per user–item pair seen: items never to recommend to that user again. */
    public static final String RECOMMEND_USER_SEEN = "recommend-user-seen";
    /** Every example since the last write of {@code recommend-model}: learned batches and the one being filled. */
    public static final String RECOMMEND_JOURNAL = "recommend-journal";

    private StoreNames() {
    }
}
