package io.streamlearn.recommend;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's most recent items, oldest first, without repeats: the user's side of the model (their
 * representation is built from these). It lives with the user's partition. The full set of items
 * the user has seen is kept apart, one store key per user–item pair ({@link #seenKey}), so that an
 * interaction writes a few bytes however long the user's history is.
 */
public record UserHistory(List<String> items) {

    public UserHistory {
        items = List.copyOf(items);
    }

    public static UserHistory empty() {
        return new UserHistory(List.of());
    }

    /** The last {@code n} items, oldest first. */
    public List<String> recent(int n) {
        return items.subList(Math.max(0, items.size() - n), items.size());
    }

    /** Store key recording that {@code userId} has seen {@code itemId}; length-prefixed so no two pairs collide. */
    public static String seenKey(String userId, String itemId) {
        return userId.length() + ":" + userId + itemId;
    }

    /** This history with {@code itemId} moved to (or added at) the most recent end, oldest dropped past {@code limit}. */
    public UserHistory with(String itemId, int limit) {
        List<String> next = new ArrayList<>(items.size() + 1);
        for (String item : items) {
            if (!item.equals(itemId)) {
                next.add(item);
            }
        }
        next.add(itemId);
        if (next.size() > limit) {
            next = next.subList(next.size() - limit, next.size());
        }
        return new UserHistory(next);
    }
}
