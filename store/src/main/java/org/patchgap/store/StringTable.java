package org.patchgap.store;

/**
 * The string table of one segment block while it is written: each distinct string's index, in order of first
 * use ({@link SegmentOutput} says what the indices mean on disk).
 *
 * <p>What it replaces, a {@code HashMap<String, Integer>}, was a quarter of an import's time: every string a
 * record holds is new from the parser, so {@link String#hashCode} ran over all of its characters for the first
 * time there, and each entry cost a node and a boxed index. Here long strings (summaries, URLs) are hashed by
 * their length and their first and last characters only; equal strings still hash alike and {@link String#equals}
 * still decides, so the answers, and hence the bytes written, are those of the map.
 */
final class StringTable {

    /** Strings up to this length are hashed whole; longer ones by this many characters from each end. */
    private static final int HASHED_WHOLE = 32;
    private static final int HASHED_END = HASHED_WHOLE / 2;

    private String[] keys = new String[16];
    private int[] hashes = new int[16];
    private int[] indices = new int[16];
    private int size;

    /** The index of {@code value}, or -1 after adding it under the next index. */
    int indexOrAdd(String value) {
        int hash = hash(value);
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                keys[slot] = value;
                hashes[slot] = hash;
                indices[slot] = size++;
                if (size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (hashes[slot] == hash && key.equals(value)) {
                return indices[slot];
            }
        }
    }

    int size() {
        return size;
    }

    static int hash(String s) {
        int n = s.length();
        int h = n;
        if (n <= HASHED_WHOLE) {
            for (int i = 0; i < n; i++) {
                h = 31 * h + s.charAt(i);
            }
        } else {
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

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIndices = indices;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        indices = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                indices[slot] = oldIndices[i];
            }
        }
    }
}
