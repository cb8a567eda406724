package io.streamlearn.recommend;

/**
 * What a query's user has seen, and so must not be recommended again, asked by item fingerprint.
 * The model asks about the few items that would enter a top-K, dozens per answer, and keeps each
 * item's fingerprint beside its row: a question reads one number and hashes nothing (hashing each
 * candidate's ID again had taken 1.7 % of the stream thread in the load test's profile).
 */
@FunctionalInterface
public interface SeenItems {

    /** @param fingerprint an item's {@link #fingerprint} */
    boolean contains(long fingerprint);

    /**
     * A 64-bit fingerprint of an item ID, never 0: FNV-1a over the characters, then MurmurHash3's
     * 64-bit finaliser to spread every bit. Two of a user's n items share one with probability
     * ~n²/2⁶⁵ (below 10⁻¹³ for a thousand); the cost of such a clash is one item wrongly treated as
     * seen.
     */
    static long fingerprint(String itemId) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < itemId.length(); i++) {
            h = (h ^ itemId.charAt(i)) * 0x100000001B3L;
        }
        h ^= itemId.length();
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1L : h;
    }
}
