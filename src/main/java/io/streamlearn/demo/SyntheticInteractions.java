package io.streamlearn.demo;

import java.util.Iterator;
import java.util.Random;

import io.streamlearn.event.Interaction;
import io.streamlearn.event.InteractionType;

/**
 * An endless, seeded stream of interactions in which learning is visible: items belong to taste
 * groups with Zipf-like popularity inside each group (a few popular items, a long niche tail), each
 * user keeps one taste group and browses it in sessions, and a small share of clicks go to globally
 * popular items.
 */
final class SyntheticInteractions implements Iterator<Interaction> {

    private static final int GROUPS = 8;
    private static final int ITEMS_PER_GROUP = 200;
    private static final int USERS = 2_000;

    private final Random random;
    private long sequence;

    SyntheticInteractions(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Interaction next() {
        int user = random.nextInt(USERS);
        int group = user % GROUPS;
        boolean offTaste = random.nextDouble() < 0.1;
        int item = offTaste ? zipf(GROUPS * ITEMS_PER_GROUP) : group * ITEMS_PER_GROUP + zipf(ITEMS_PER_GROUP);
        InteractionType type = typeOf(random.nextDouble());
        Double value = type == InteractionType.RATING ? (double) (offTaste ? 2 + random.nextInt(2) : 4 + random.nextInt(2)) : null;
        sequence++;
        return new Interaction("demo-" + sequence, "user-" + user, "item-" + item, type, value, System.currentTimeMillis());
    }

    /** Rank drawn with probability ∝ 1/(rank+1), by inverse transform on the harmonic CDF. */
    private int zipf(int n) {
        double harmonic = Math.log(n) + 0.5772;
        double target = random.nextDouble() * harmonic;
        double cumulative = 0;
        for (int rank = 0; rank < n; rank++) {
            cumulative += 1.0 / (rank + 1);
            if (cumulative >= target) {
                return rank;
            }
        }
        return n - 1;
    }

    private static InteractionType typeOf(double u) {
        if (u < 0.55) {
            return InteractionType.VIEW;
        } else if (u < 0.8) {
            return InteractionType.CLICK;
        } else if (u < 0.9) {
            return InteractionType.ADD_TO_CART;
        } else if (u < 0.95) {
            return InteractionType.PURCHASE;
        }
        return InteractionType.RATING;
    }
}
