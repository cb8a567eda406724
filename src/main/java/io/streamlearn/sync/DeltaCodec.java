package io.streamlearn.sync;

import java.nio.ByteBuffer;

/** Binary form of one unit of shared increments. */
public interface DeltaCodec<D> {

    byte[] encode(D delta);

    /** Reads one unit from the buffer's position; throws {@link IllegalArgumentException} on malformed bytes. */
    D decode(ByteBuffer buffer);
}
