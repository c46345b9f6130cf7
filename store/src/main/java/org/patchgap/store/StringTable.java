package org.patchgap.store;

/**
 * The string table of one segment block while it is written: each distinct string's index, in order of first
 * use ({@link SegmentOutput} says what the indices mean on disk). It holds no strings, only where each one's
 * UTF-8 bytes are in the block already written.
 *
 * <p>What it replaces, a {@code HashMap<String, Integer>}, was most of an import's encoding time. Nearly every
 * string is a version in an explicit version list, repeated by each record of the package; a hit compared the
 * new string with the one the map held, an object from a record read thousands of records before and long
 * out of the processor's cache (two misses per version), and the map kept every such string alive for the
 * collector to copy. The block's own bytes are compact and near: a package's versions sit side by side. Long
 * strings (summaries, URLs) are hashed by their length and their first and last characters only; the bytes
 * still decide, so the indices, and hence the bytes written, are those of the map, except that two strings
 * whose UTF-8 is alike (only possible with unpaired surrogates, which both encode as {@code ?}) share an entry,
 * which decodes to the same text.
 */
final class StringTable {

    /** Strings up to this length are hashed whole; longer ones by this many characters from each end. */
    private static final int HASHED_WHOLE = 32;
    private static final int HASHED_END = HASHED_WHOLE / 2;

    /**
     * Per slot, side by side so that a probe touches one cache line: the hash, the offset and length of the UTF-8
     * in the block, and the entry's index + 1 (0: an empty slot). With hundreds of blocks filled in turn, a
     * block's table is rarely still in the cache when its next record comes.
     */
    private static final int HASH = 0;
    private static final int OFFSET = 1;
    private static final int LENGTH = 2;
    private static final int INDEX = 3;
    private static final int STRIDE = 4;

    private int[] slots = new int[16 * STRIDE];
    private int size;

    /** The index of {@code value}, whose hash is {@code hash}, or -1 when it is not in the table yet. */
    int indexOf(String value, int hash, byte[] block) {
        int mask = slots.length / STRIDE - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            if (slots[at + INDEX] == 0) {
                return -1;
            }
            if (slots[at + HASH] == hash && sameText(value, block, slots[at + OFFSET], slots[at + LENGTH])) {
                return slots[at + INDEX] - 1;
            }
        }
    }

    /** Adds the string with this hash whose UTF-8 the block holds at {@code offset}; its index is {@link #size}. */
    void add(int hash, int offset, int length) {
        if ((size + 1) * 2 * STRIDE > slots.length) {
            grow();
        }
        put(slots, hash, offset, length, ++size);
    }

    private static void put(int[] slots, int hash, int offset, int length, int indexPlusOne) {
        int mask = slots.length / STRIDE - 1;
        int slot = hash & mask;
        while (slots[slot * STRIDE + INDEX] != 0) {
            slot = (slot + 1) & mask;
        }
        int at = slot * STRIDE;
        slots[at + HASH] = hash;
        slots[at + OFFSET] = offset;
        slots[at + LENGTH] = length;
        slots[at + INDEX] = indexPlusOne;
    }

    int size() {
        return size;
    }

    static int hash(String s) {
        int n = s.length();
        int h;
        if (n <= HASHED_WHOLE) {
            h = s.hashCode(); // over the string's own bytes: faster than by characters
        } else {
            h = n;
            for (int i = 0; i < HASHED_END; i++) {
                h = 31 * h + s.charAt(i);
            }
            for (int i = n - HASHED_END; i < n; i++) {
                h = 31 * h + s.charAt(i);
            }
        }
        // Spread the bits: linear probing takes the low ones.
        return h ^ (h >>> 16);
    }

    /** Whether {@code value} in UTF-8 is {@code block[offset, offset + length)}. */
    static boolean sameText(String value, byte[] block, int offset, int length) {
        int n = value.length();
        if (n == length) { // ASCII, most likely: one byte per character
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    return sameUtf8(value, block, offset, length);
                }
                if (block[offset + i] != c) {
                    return false;
                }
            }
            return true;
        }
        // UTF-8 takes at least one byte and at most three per UTF-16 unit.
        return length > n && length <= 3 * n && sameUtf8(value, block, offset, length);
    }

    private static boolean sameUtf8(String value, byte[] block, int offset, int length) {
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.equals(utf8, 0, utf8.length, block, offset, offset + length);
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + INDEX] != 0) {
                put(slots, old[at + HASH], old[at + OFFSET], old[at + LENGTH], old[at + INDEX]);
            }
        }
    }
}
