package io.streamlearn.sync;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of the sync topic: part {@code part} of {@code parts} of a task's publication number
 * {@code sequence}. A publication is split into parts so that no record nears the broker's 1 MB
 * limit; all parts go out in one transaction, in order, under the task's key.
 *
 * <pre>[byte format][long sequence][int part][int parts][int count] count × ([int length][unit bytes])</pre>
 */
public record DeltaFrame(long sequence, int part, int parts, List<byte[]> units) {

    static final byte FORMAT = 1;
    /** Payload bytes per record; with headers far below the default 1 MB record limit. */
    static final int MAX_PART_BYTES = 512 * 1024;
    private static final int HEADER_BYTES = 1 + Long.BYTES + 3 * Integer.BYTES;

    /** Splits encoded units into frames of at most {@link #MAX_PART_BYTES} payload each (a larger unit gets a frame of its own). */
    public static List<DeltaFrame> split(long sequence, List<byte[]> units) {
        List<List<byte[]>> groups = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int bytes = 0;
        for (byte[] unit : units) {
            if (!current.isEmpty() && bytes + unit.length + Integer.BYTES > MAX_PART_BYTES) {
                groups.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(unit);
            bytes += unit.length + Integer.BYTES;
        }
        groups.add(current);
        List<DeltaFrame> frames = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            frames.add(new DeltaFrame(sequence, i, groups.size(), groups.get(i)));
        }
        return frames;
    }

    public byte[] encode() {
        int size = HEADER_BYTES;
        for (byte[] unit : units) {
            size += Integer.BYTES + unit.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.put(FORMAT).putLong(sequence).putInt(part).putInt(parts).putInt(units.size());
        for (byte[] unit : units) {
            buffer.putInt(unit.length).put(unit);
        }
        return buffer.array();
    }

    /** The frame's header only (sequence, part, parts); the units are left unread. */
    static DeltaFrame header(byte[] value) {
        ByteBuffer buffer = checkedHeader(value);
        DeltaFrame frame = new DeltaFrame(buffer.getLong(), buffer.getInt(), buffer.getInt(), List.of());
        if (frame.sequence() < 1 || frame.part() < 0 || frame.part() >= frame.parts()) {
            throw new IllegalArgumentException("sync record has sequence " + frame.sequence() + ", part "
                    + frame.part() + " of " + frame.parts());
        }
        return frame;
    }

    public static DeltaFrame decode(byte[] value) {
        DeltaFrame header = header(value);
        ByteBuffer buffer = ByteBuffer.wrap(value, HEADER_BYTES - Integer.BYTES, value.length - HEADER_BYTES + Integer.BYTES);
        try {
            int count = buffer.getInt();
            List<byte[]> units = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                byte[] unit = new byte[buffer.getInt()];
                buffer.get(unit);
                units.add(unit);
            }
            return new DeltaFrame(header.sequence(), header.part(), header.parts(), units);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated sync record", e);
        }
    }

    private static ByteBuffer checkedHeader(byte[] value) {
        if (value == null || value.length < HEADER_BYTES || value[0] != FORMAT) {
            throw new IllegalArgumentException("not a sync record of format " + FORMAT);
        }
        return ByteBuffer.wrap(value, 1, HEADER_BYTES - 1);
    }
}
