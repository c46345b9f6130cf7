package org.patchgap.store;

import java.util.Objects;

/**
 * One entry of the catalog's segment table.
 *
 * @param ecosystem  the base ecosystem in OSV spelling for advisory segments ({@code ""} for records that name no
 *                   package), {@code ""} for the others
 * @param records    number of records in the segment
 * @param offset     where the segment's stored bytes start in the file
 * @param length     stored length
 * @param rawLength  length after inflating; equals {@code length} when not deflated
 * @param deflated   whether the stored bytes are DEFLATE-compressed
 * @param crc        CRC-32 of the stored bytes
 */
record SegmentInfo(SegmentKind kind, String source, String ecosystem, int records, long offset, int length,
                   int rawLength, boolean deflated, int crc) {

    SegmentInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ecosystem, "ecosystem");
    }

    SegmentInfo at(long newOffset) {
        return new SegmentInfo(kind, source, ecosystem, records, newOffset, length, rawLength, deflated, crc);
    }

    String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " segment of " + source
                + (ecosystem.isEmpty() ? "" : " (" + ecosystem + ")");
    }
}
