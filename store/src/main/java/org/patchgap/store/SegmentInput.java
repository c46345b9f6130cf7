package org.patchgap.store;

import java.nio.BufferUnderflowException;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads what {@link SegmentOutput} wrote; a malformed segment fails with {@link CorruptSegmentException}. */
final class SegmentInput {

    private final ByteBuffer buffer;
    private final List<String> table = new ArrayList<>();
    private byte[] scratch = new byte[256];

    SegmentInput(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    int readByte() {
        try {
            return buffer.get() & 0xFF;
        } catch (BufferUnderflowException e) {
            throw new CorruptSegmentException("unexpected end of segment at byte " + buffer.position());
        }
    }

    int readVarInt() {
        long v = readVarLong();
        if (v > 0xFFFFFFFFL) {
            throw new CorruptSegmentException("varint too large at byte " + buffer.position());
        }
        return (int) v;
    }

    long readVarLong() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new CorruptSegmentException("varint longer than 10 bytes at byte " + buffer.position());
    }

    long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A date written as its epoch day; a day no calendar has is a corrupt segment, not a {@code DateTimeException}. */
    java.time.LocalDate readEpochDay() {
        long day = readSignedVarLong();
        try {
            return java.time.LocalDate.ofEpochDay(day);
        } catch (java.time.DateTimeException e) {
            throw new CorruptSegmentException("date out of range: epoch day " + day);
        }
    }

    /** A time written as epoch milliseconds; one past the calendar's ends is a corrupt segment. */
    Instant readEpochMilli() {
        long millis = readSignedVarLong();
        try {
            return Instant.ofEpochMilli(millis);
        } catch (java.time.DateTimeException e) {
            throw new CorruptSegmentException("time out of range: " + millis + " ms");
        }
    }

    double readDouble() {
        try {
            return buffer.getDouble();
        } catch (BufferUnderflowException e) {
            throw new CorruptSegmentException("unexpected end of segment at byte " + buffer.position());
        }
    }

    /** A count of following items, checked against what is left so that a corrupt count cannot allocate wildly. */
    int readCount() {
        int n = readVarInt();
        if (n < 0 || n > buffer.remaining()) {
            throw new CorruptSegmentException("count " + (n & 0xFFFFFFFFL) + " exceeds the segment at byte "
                    + buffer.position());
        }
        return n;
    }

    @Nullable String readString() {
        int tag = readVarInt();
        if (tag == 0) {
            return null;
        }
        if (tag == 1) {
            String s = readRawString();
            table.add(s);
            return s;
        }
        int index = tag - 2;
        // A negative tag (a var-int past 2^31) is as corrupt as a reference ahead of its definition.
        if (index < 0 || index >= table.size()) {
            throw new CorruptSegmentException("string reference " + index + " before its definition at byte "
                    + buffer.position());
        }
        return table.get(index);
    }

    String readRequiredString() {
        String s = readString();
        if (s == null) {
            throw new CorruptSegmentException("unexpected null string at byte " + buffer.position());
        }
        return s;
    }

    String readRawString() {
        int length = readCount();
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.get(scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    boolean hasRemaining() {
        return buffer.hasRemaining();
    }
}
