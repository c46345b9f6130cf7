package org.patchgap.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable byte buffer for one segment, with the primitives of the segment encoding: unsigned LEB128
 * varints, and strings through a per-segment table so that a repeated string (an ecosystem, a package name, a
 * version in an explicit version list) costs one or two bytes after its first use.
 *
 * <p>String tags: {@code 0} null, {@code 1} a new string follows (varint length, UTF-8) and joins the table,
 * {@code n >= 2} the table's entry {@code n - 2}. The decoder rebuilds the same table as it reads.
 */
final class SegmentOutput {

    private byte[] bytes;
    private int size;
    private final StringTable table = new StringTable();
    /** The UTF-8 length of the string {@link #writeRawString} wrote last, which ends at {@link #size}. */
    private int lastRawLength;

    SegmentOutput() {
        this(1 << 12);
    }

    SegmentOutput(int initialBytes) {
        bytes = new byte[initialBytes];
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeVarInt(int value) {
        if (value >= 0 && value < 0x80) { // most are: tags, counts, ordinals
            ensure(1);
            bytes[size++] = (byte) value;
        } else {
            writeVarLong(value & 0xFFFFFFFFL);
        }
    }

    void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    /** Zig-zag, so that small negative numbers stay short. */
    void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (bits >>> shift);
        }
    }

    void writeString(@Nullable String value) {
        if (value == null) {
            writeVarInt(0);
            return;
        }
        int hash = StringTable.hash(value);
        int known = table.indexOf(value, hash, bytes);
        if (known >= 0) {
            writeVarInt(known + 2);
            return;
        }
        writeVarInt(1);
        writeRawString(value);
        table.add(hash, size - lastRawLength, lastRawLength);
    }

    /** A string outside the table (segment headers). */
    void writeRawString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        lastRawLength = utf8.length;
        writeVarInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("segment larger than 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
