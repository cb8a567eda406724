package io.streamlearn.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The two rows every model's checkpoint has: its version and its provenance. */
public final class MetaRows {

    public static final String PROVENANCE_KEY = "meta/provenance";
    public static final String VERSION_KEY = "meta/version";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetaRows() {
    }

    public static StateRow versionRow(long version) {
        return new StateRow(VERSION_KEY, ByteBuffer.allocate(Long.BYTES).putLong(version).array());
    }

    public static long readVersion(StateRow row) {
        return ByteBuffer.wrap(row.value()).getLong();
    }

    public static StateRow provenanceRow(ModelProvenance provenance) {
        try {
            return new StateRow(PROVENANCE_KEY, JSON.writeValueAsBytes(provenance));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelProvenance readProvenance(StateRow row) {
        try {
            return JSON.readValue(row.value(), ModelProvenance.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable checkpoint provenance", e);
        }
    }
}
