package io.streamlearn.load.generate;

/**
 * The shape of the synthetic interaction stream.
 *
 * @param initialUsers users known at the start
 * @param initialItems items in the catalogue at the start
 * @param maxItems catalogue size the stream may grow to
 * @param popularityExponent Zipf exponent of item popularity (about 1 for retail catalogues)
 * @param categories number of taste categories items and users are spread over
 * @param tasteAffinity probability that an event follows the user's own category
 * @param concurrentSessions sessions open at once (events interleave across them, as in production)
 * @param meanSessionLength mean events per session (geometric)
 * @param newUserProbability probability that a new session belongs to a user never seen before
 * @param newItemEvery one new item enters the catalogue every this many events
 */
public record InteractionProfile(int initialUsers, int initialItems, int maxItems, double popularityExponent,
        int categories, double tasteAffinity, int concurrentSessions, double meanSessionLength,
        double newUserProbability, int newItemEvery) {

    public InteractionProfile {
        if (initialItems < 1 || initialItems > maxItems) {
            throw new IllegalArgumentException("need 1 <= initialItems <= maxItems");
        }
        if (initialUsers < 1 || categories < 1 || concurrentSessions < 1 || meanSessionLength < 1 || newItemEvery < 1) {
            throw new IllegalArgumentException("counts must be positive");
        }
    }

    /**
     * A catalogue of MovieLens-small scale (10k items, one more every 50 events, up to 20k), 20k
     * known users, Zipf 1.0 popularity, 20 taste categories, 500 concurrent sessions of 8 events on
     * average, 5 % of sessions from new users.
     */
    public static InteractionProfile standard() {
        return sized(20_000, 10_000);
    }

    /**
     * The catalogue stops growing at twice its initial size (after 50 × {@code items} events, early
     * in a load run): a model's cost grows with the items it has seen, so with unbounded growth a
     * search whose overloaded steps sent more events left the service a larger model to be measured
     * with afterwards, and its figures depended on the search's path.
     */
    public static InteractionProfile sized(int users, int items) {
        return new InteractionProfile(users, items, 2 * items, 1.0, 20, 0.7, 500, 8.0, 0.05, 50);
    }
}
