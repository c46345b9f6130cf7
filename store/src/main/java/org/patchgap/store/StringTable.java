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

    private int[] hashes = new int[16];
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    /** Entry index + 1 per slot; 0 marks an empty slot. */
    private int[] indices = new int[16];
    private int size;

    /** The index of {@code value}, whose hash is {@code hash}, or -1 when it is not in the table yet. */
    int indexOf(String value, int hash, byte[] block) {
        int mask = indices.length - 1;
        for (int slot = hash & mask; indices[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameText(value, block, offsets[slot], lengths[slot])) {
                return indices[slot] - 1;
            }
        }
        return -1;
    }

    /** Adds the string with this hash whose UTF-8 the block holds at {@code offset}; its index is {@link #size}. */
    void add(int hash, int offset, int length) {
        if ((size + 1) * 2 > indices.length) {
            grow();
        }
        int mask = indices.length - 1;
        int slot = hash & mask;
        while (indices[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        offsets[slot] = offset;
        lengths[slot] = length;
        indices[slot] = ++size;
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
        int[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        int[] oldLengths = lengths;
        int[] oldIndices = indices;
        int capacity = oldIndices.length * 2;
        hashes = new int[capacity];
        offsets = new int[capacity];
        lengths = new int[capacity];
        indices = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldIndices.length; i++) {
            if (oldIndices[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (indices[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                offsets[slot] = oldOffsets[i];
                lengths[slot] = oldLengths[i];
                indices[slot] = oldIndices[i];
            }
        }
    }
}
