package io.streamlearn.load.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of user–item interactions with the statistics of a real shop rather than uniform
 * noise, because a model's cost and a cache's hit rate depend on them:
 * <ul>
 * <li>item popularity is Zipf-distributed, and new items keep entering the catalogue at random
 *     popularity ranks;</li>
 * <li>each user has a stable taste (a category) that most of their events follow;</li>
 * <li>events come in sessions (a user browses several items, returns to some and buys a few), many
 *     sessions interleave, and a share of sessions belongs to users never seen before.</li>
 * </ul>
 * Same seed and profile, same sequence of events.
 */
public final class InteractionGenerator implements EventStream {

    private static final int TASTE_TRIES = 40;

    private final InteractionProfile profile;
    private final SplittableRandom random;
    private final ZipfSampler popularity;
    private final List<Integer> itemsByPopularity;
    private final Session[] sessions;
    private int nextItemId;
    private int nextUserId;
    private long emitted;

    public InteractionGenerator(InteractionProfile profile, long seed) {
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.popularity = new ZipfSampler(profile.maxItems(), profile.popularityExponent());
        this.itemsByPopularity = new ArrayList<>(profile.maxItems());
        for (int item = 0; item < profile.initialItems(); item++) {
            itemsByPopularity.add(item);
        }
        this.nextItemId = profile.initialItems();
        this.nextUserId = profile.initialUsers();
        this.sessions = new Session[profile.concurrentSessions()];
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = newSession();
        }
    }

    /** The next interaction as a typed value, for tests and for the JSON encoding below. */
    public SyntheticInteraction nextInteraction() {
        growCatalogue();
        int slot = random.nextInt(sessions.length);
        Session session = sessions[slot];
        SyntheticInteraction interaction = session.next();
        if (session.remaining == 0) {
            sessions[slot] = newSession();
        }
        emitted++;
        return interaction;
    }

    @Override
    public OutgoingEvent next(String eventId, long timestampMillis) {
        SyntheticInteraction interaction = nextInteraction();
        return new OutgoingEvent(interaction.userId(), interaction.toJson(eventId, timestampMillis)
                .getBytes(StandardCharsets.UTF_8));
    }

    public int catalogueSize() {
        return itemsByPopularity.size();
    }

    /** Steady once the catalogue has stopped growing. */
    @Override
    public boolean steady() {
        return nextItemId >= profile.maxItems();
    }

    public int usersSeen() {
        return nextUserId;
    }

    private void growCatalogue() {
        if (emitted > 0 && emitted % profile.newItemEvery() == 0 && nextItemId < profile.maxItems()) {
            itemsByPopularity.add(random.nextInt(itemsByPopularity.size() + 1), nextItemId++);
        }
    }

    private Session newSession() {
        int user = random.nextDouble() < profile.newUserProbability()
                ? nextUserId++
                : random.nextInt(nextUserId);
        long length = 1 + (long) Math.floor(Math.log(1 - random.nextDouble())
                / Math.log(1 - 1 / profile.meanSessionLength()));
        return new Session(user, tasteOf(user), (int) Math.min(length, 1_000));
    }

    private int tasteOf(int user) {
        return Math.floorMod(mix(user * 0x9E3779B97F4A7C15L), profile.categories());
    }

    private int categoryOf(int item) {
        return Math.floorMod(mix(item * 0xC2B2AE3D27D4EB4FL + 1), profile.categories());
    }

    private int pickItem(int taste) {
        int n = itemsByPopularity.size();
        boolean followTaste = random.nextDouble() < profile.tasteAffinity();
        for (int attempt = 0; attempt < TASTE_TRIES; attempt++) {
            int item = itemsByPopularity.get(popularity.sample(n, random));
            if (!followTaste || categoryOf(item) == taste) {
                return item;
            }
        }
        return itemsByPopularity.get(popularity.sample(n, random));
    }

    private static int mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return (int) (z ^ (z >>> 33));
    }

    /** One user's visit: a few items looked at, some of them clicked, carted, bought or rated. */
    private final class Session {
        private final int user;
        private final int taste;
        private int remaining;
        private int lastItem = -1;
        private InteractionKind lastKind;

        Session(int user, int taste, int length) {
            this.user = user;
            this.taste = taste;
            this.remaining = length;
        }

        SyntheticInteraction next() {
            remaining--;
            if (lastItem >= 0 && lastKind != InteractionKind.PURCHASE && random.nextDouble() < 0.3) {
                lastKind = lastKind.deeper();
                return interaction(lastItem, lastKind, null);
            }
            lastItem = pickItem(taste);
            if (random.nextDouble() < 0.05) {
                lastKind = InteractionKind.RATING;
                return interaction(lastItem, lastKind, (double) rating());
            }
            lastKind = random.nextDouble() < 0.8 ? InteractionKind.VIEW : InteractionKind.CLICK;
            return interaction(lastItem, lastKind, null);
        }

        private int rating() {
            double u = random.nextDouble();
            return u < 0.05 ? 1 : u < 0.15 ? 2 : u < 0.40 ? 3 : u < 0.75 ? 4 : 5;
        }

        private SyntheticInteraction interaction(int item, InteractionKind kind, Double value) {
            return new SyntheticInteraction("u" + user, "i" + item, kind, value);
        }
    }
}
