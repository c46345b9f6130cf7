package org.patchgap.store;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.patchgap.core.model.EpssScore;

/**
 * EPSS scores as a table of fixed-width rows sorted by CVE (year, then number), found by binary search:
 * about 300,000 rows, 22 bytes each, so a lookup never builds 300,000 objects.
 *
 * <p>Segment: model version (raw string), score day (epoch day), row count, rows of
 * {@code u16 year, u32 number, f64 score, f64 percentile}. A CVE id is {@code CVE-YYYY-N} with N at least
 * four digits and without leading zeros beyond four (CVE numbering rules), so (year, number) identifies it.
 */
final class EpssTable {

    static final int ROW = 2 + 4 + 8 + 8;

    private final String modelVersion;
    private final LocalDate day;
    private final ByteBuffer rows;
    private final int count;

    private EpssTable(String modelVersion, LocalDate day, ByteBuffer rows, int count) {
        this.modelVersion = modelVersion;
        this.day = day;
        this.rows = rows;
        this.count = count;
    }

    static EpssTable decode(ByteBuffer segment) {
        SegmentInput in = new SegmentInput(segment);
        String model = in.readRawString();
        LocalDate day = in.readEpochDay();
        int count = in.readVarInt();
        ByteBuffer rows = segment.slice();
        if ((long) count * ROW != rows.remaining()) {
            throw new CorruptSegmentException("EPSS rows: expected " + count + " rows of " + ROW + " bytes, found "
                    + rows.remaining() + " bytes");
        }
        return new EpssTable(model, day, rows, count);
    }

    int size() {
        return count;
    }

    String modelVersion() {
        return modelVersion;
    }

    LocalDate day() {
        return day;
    }

    Optional<EpssScore> find(String cve) {
        long key = key(cve);
        if (key < 0) {
            return Optional.empty();
        }
        int low = 0;
        int high = count - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = mid * ROW;
            long midKey = ((long) (rows.getShort(at) & 0xFFFF) << 32) | (rows.getInt(at + 2) & 0xFFFFFFFFL);
            if (midKey < key) {
                low = mid + 1;
            } else if (midKey > key) {
                high = mid - 1;
            } else {
                return Optional.of(new EpssScore(cve, rows.getDouble(at + 6), rows.getDouble(at + 14), day));
            }
        }
        return Optional.empty();
    }

    /** (year, number) packed into a long, or -1 when {@code cve} is not a CVE id this table can hold. */
    static long key(String cve) {
        if (cve.length() < 13 || !cve.regionMatches(true, 0, "CVE-", 0, 4) || cve.charAt(8) != '-') {
            return -1;
        }
        long year = digits(cve, 4, 8);
        long number = digits(cve, 9, cve.length());
        if (year < 0 || number < 0 || number > 0xFFFFFFFFL || year > 0xFFFF) {
            return -1;
        }
        return (year << 32) | number;
    }

    private static long digits(String s, int from, int to) {
        if (to - from > 10) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Collects scores and writes the segment; a CVE given twice keeps its last score. */
    static final class Builder {
        private long[] keys = new long[1 << 16];
        private double[] scores = new double[1 << 16];
        private double[] percentiles = new double[1 << 16];
        private int size;

        /** False when the CVE id cannot be stored (malformed, or a number beyond 32 bits). */
        boolean add(EpssScore score) {
            long key = key(score.cve());
            if (key < 0) {
                return false;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
                percentiles = Arrays.copyOf(percentiles, size * 2);
            }
            keys[size] = key;
            scores[size] = score.score();
            percentiles[size] = score.percentile();
            size++;
            return true;
        }

        int size() {
            return size;
        }

        byte[] encode(String modelVersion, LocalDate day) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            // Stable sort: for a duplicate CVE, the later row wins below.
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            SegmentOutput header = new SegmentOutput();
            header.writeRawString(modelVersion);
            header.writeSignedVarLong(day.toEpochDay());
            int unique = 0;
            for (int i = 0; i < size; i++) {
                if (i + 1 == size || keys[order[i]] != keys[order[i + 1]]) unique++;
            }
            header.writeVarInt(unique);
            byte[] head = header.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(head.length + unique * ROW);
            out.put(head);
            for (int i = 0; i < size; i++) {
                int r = order[i];
                if (i + 1 < size && keys[r] == keys[order[i + 1]]) continue;
                out.putShort((short) (keys[r] >>> 32));
                out.putInt((int) keys[r]);
                out.putDouble(scores[r]);
                out.putDouble(percentiles[r]);
            }
            return out.array();
        }
    }
}
