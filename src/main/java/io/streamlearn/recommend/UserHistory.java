package io.streamlearn.recommend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The items a user interacted with, oldest first, without repeats and bounded in length: the
 * user's side of the model (their representation comes from the most recent ones) and the set of
 * items never to recommend to them again. It lives with the user's partition.
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

    public Set<String> asSet() {
        return new LinkedHashSet<>(items);
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
