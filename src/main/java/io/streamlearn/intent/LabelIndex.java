package io.streamlearn.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Intent name ↔ output row, in order of first appearance, with how many labelled messages each had. */
final class LabelIndex {

    private final Map<String, Integer> rowsByName = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Long> seen = new ArrayList<>();

    Optional<Integer> row(String name) {
        return Optional.ofNullable(rowsByName.get(name));
    }

    String name(int row) {
        return names.get(row);
    }

    int size() {
        return names.size();
    }

    long seen(int row) {
        return seen.get(row);
    }

    /** Counts one more labelled message of the intent and returns the new count. */
    long countExample(int row) {
        long count = seen.get(row) + 1;
        seen.set(row, count);
        return count;
    }

    int add(String name) {
        return place(name, names.size(), 0);
    }

    /** Places an intent at a given row (restore), keeping rows where they were. */
    int place(String name, int row, long seenCount) {
        while (names.size() <= row) {
            names.add(null);
            seen.add(0L);
        }
        names.set(row, name);
        seen.set(row, seenCount);
        rowsByName.put(name, row);
        return row;
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
