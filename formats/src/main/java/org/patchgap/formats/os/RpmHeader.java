package org.patchgap.formats.os;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An RPM header as stored in the package database: big-endian {@code il} (index entries) and {@code dl} (data
 * bytes), then {@code il} entries of tag, type, offset, count (16 bytes each), then the data store (RPM's
 * "Package File Format", header structure; the database stores headers without the 8-byte header magic).
 * Only the string and 32-bit integer tags that identify a package are decoded.
 */
final class RpmHeader {

    static final int NAME = 1000;
    static final int VERSION = 1001;
    static final int RELEASE = 1002;
    static final int EPOCH = 1003;
    static final int ARCH = 1022;
    static final int SOURCERPM = 1044;

    private static final int TYPE_INT32 = 4;
    private static final int TYPE_STRING = 6;
    private static final int TYPE_I18NSTRING = 9;
    /** rpm refuses headers with more entries or data than this (rpmlib's HEADER_MAX limits). */
    private static final int MAX_ENTRIES = 0x0000FFFF;
    private static final int MAX_DATA = 0x0FFFFFFF;

    private final Map<Integer, String> strings = new HashMap<>();
    private final Map<Integer, Integer> ints = new HashMap<>();

    private RpmHeader() {}

    /** Decodes {@code blob}; a blob that does not hold together is an {@link IllegalArgumentException}. */
    static RpmHeader parse(byte[] blob) {
        if (blob.length < 8) {
            throw new IllegalArgumentException("header shorter than its 8-byte preamble");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob); // big-endian by default, as RPM writes
        int il = buffer.getInt(0);
        int dl = buffer.getInt(4);
        if (il < 1 || il > MAX_ENTRIES || dl < 0 || dl > MAX_DATA) {
            throw new IllegalArgumentException("header counts out of range (il=" + il + ", dl=" + dl + ")");
        }
        long dataStart = 8L + 16L * il;
        if (dataStart + dl > blob.length) {
            throw new IllegalArgumentException("header of " + il + " entries and " + dl
                    + " data bytes does not fit in " + blob.length + " bytes");
        }
        RpmHeader header = new RpmHeader();
        for (int i = 0; i < il; i++) {
            int at = 8 + 16 * i;
            int tag = buffer.getInt(at);
            int type = buffer.getInt(at + 4);
            int offset = buffer.getInt(at + 8);
            int count = buffer.getInt(at + 12);
            if (tag != NAME && tag != VERSION && tag != RELEASE && tag != EPOCH && tag != ARCH && tag != SOURCERPM) {
                continue;
            }
            if (offset < 0 || offset >= dl) {
                throw new IllegalArgumentException("tag " + tag + " points outside the data store");
            }
            int start = (int) dataStart + offset;
            int end = (int) dataStart + dl;
            if ((type == TYPE_STRING || type == TYPE_I18NSTRING) && count >= 1) {
                int zero = start;
                while (zero < end && blob[zero] != 0) {
                    zero++;
                }
                if (zero == end) {
                    throw new IllegalArgumentException("string of tag " + tag + " is not terminated");
                }
                header.strings.put(tag, new String(blob, start, zero - start, StandardCharsets.UTF_8));
            } else if (type == TYPE_INT32 && count >= 1) {
                if (start + 4 > end) {
                    throw new IllegalArgumentException("integer of tag " + tag + " runs past the data store");
                }
                header.ints.put(tag, buffer.getInt(start));
            }
        }
        return header;
    }

    @Nullable String string(int tag) {
        return strings.get(tag);
    }

    @Nullable Integer integer(int tag) {
        return ints.get(tag);
    }
}
