package io.streamlearn.topology;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import io.streamlearn.recommend.UserHistory;

/**
 * The user-history store's value format: the item IDs, oldest first, in the journal's binary form.
 * Every interaction rewrites its user's history. For 20 IDs this is 16 % fewer bytes than the JSON
 * it replaces, and about as fast to write (0.7 against 0.6 µs in a microbenchmark:
 * {@code writeUTF} is not quick).
 */
final class UserHistorySerde extends BinaryStoreSerde<UserHistory> {

    UserHistorySerde() {
        super(UserHistory.class, "user history");
    }

    @Override
    void writeFields(DataOutputStream out, UserHistory history) throws IOException {
        writeStrings(out, history.items());
    }

    @Override
    UserHistory readFields(DataInputStream in) throws IOException {
        return new UserHistory(readStrings(in));
    }
}
