package io.streamlearn.recommend;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The checkpoint keys a mini-batch changed, each once. A batch steps thousands of item rows; they
 * are told apart by row position (a bit each) rather than by hashing their key strings, which took
 * ~5 % of the stream thread. The few other keys (evicted items, the version row) go by value.
 */
final class ChangedKeys extends AbstractSet<String> {

    private final BitSet rows = new BitSet();
    private final Set<String> others = new HashSet<>();
    private final List<String> keys = new ArrayList<>();

    /** A key that is not a live row's (a deleted row, a metadata row). */
    void addKey(String key) {
        if (others.add(key)) {
            keys.add(key);
        }
    }

    /** The key of live row {@code row}. */
    void addRow(int row, String key) {
        if (!rows.get(row)) {
            rows.set(row);
            // A key evicted earlier in the batch may have come back on another row.
            if (others.isEmpty() || !others.contains(key)) {
                keys.add(key);
            }
        }
    }

    @Override
    public Iterator<String> iterator() {
        return Collections.unmodifiableList(keys).iterator();
    }

    @Override
    public int size() {
        return keys.size();
    }
}
