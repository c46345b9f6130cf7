package org.patchgap.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.patchgap.core.ecosystem.PackageNames;
import org.patchgap.core.model.Vulnerability;

/**
 * One source's advisories for one base ecosystem, in blocks per package so that a scan can read only the
 * packages it has:
 *
 * <pre>
 * displayPrefix (raw string)
 * blockCount, then per block in package-key order: key (raw string), records, byte length
 * blocks: each its own string table ({@link SegmentOutput}) and its records ({@link AdvisoryCodec})
 * </pre>
 *
 * The key is {@link PackageNames#key}, the matcher's own lookup key, so a component finds here exactly the
 * records the matcher would find for it. A record naming two packages of the ecosystem is in both blocks;
 * records that name no package are in the block with key {@code ""}.
 */
final class AdvisorySegment {

    private final String displayPrefix;
    private final String[] keys;
    private final int[] offsets;
    private final int[] lengths;
    private final ByteBuffer blocks;

    private AdvisorySegment(String displayPrefix, String[] keys, int[] offsets, int[] lengths, ByteBuffer blocks) {
        this.displayPrefix = displayPrefix;
        this.keys = keys;
        this.offsets = offsets;
        this.lengths = lengths;
        this.blocks = blocks;
    }

    /** Encodes {@code records} of one base ecosystem ({@code ""}: records naming no package). */
    static byte[] encode(String ecosystem, List<Vulnerability> records, String readerPrefix, String displayPrefix) {
        Builder builder = new Builder(ecosystem, readerPrefix, displayPrefix);
        records.forEach(builder::add);
        return builder.finish();
    }

    /**
     * Encodes one base ecosystem's segment a record at a time: each record goes into its packages' blocks as it
     * arrives, while its strings are still in the processor's cache, and need not be kept. The bytes are those of
     * encoding the whole list at once: each block has its own string table and gets its records in arrival order.
     */
    static final class Builder {

        /** Blocks start small: a segment may have ten thousand packages, most with a record or two. */
        private static final int INITIAL_BLOCK_BYTES = 256;

        private final String ecosystem;
        private final String readerPrefix;
        private final String displayPrefix;
        private final Map<String, Block> blocks = new HashMap<>();
        // A segment's records spell their ecosystem a few ways at most; working out the key is not free.
        private final Map<String, Boolean> inSegment = new HashMap<>();
        // The package names repeat too (every record of a package), and PyPI's key is a regular expression away.
        private final Map<String, String> packageKeys = new HashMap<>();
        private int records;

        /** @param ecosystem the base ecosystem ({@link DatabaseCommit#ecosystemKey}), or {@code ""} */
        Builder(String ecosystem, String readerPrefix, String displayPrefix) {
            this.ecosystem = ecosystem;
            this.readerPrefix = readerPrefix;
            this.displayPrefix = displayPrefix;
        }

        void add(Vulnerability v) {
            records++;
            boolean placed = false;
            Set<String> seen = new HashSet<>();
            for (DatabaseCommit.PackageRef p : DatabaseCommit.packagesOf(v)) {
                if (!ecosystem.isEmpty() && inSegment.computeIfAbsent(p.ecosystem(),
                        e -> DatabaseCommit.ecosystemKey(e).equals(ecosystem))) {
                    String key = packageKeys.computeIfAbsent(p.name(), name -> PackageNames.key(ecosystem, name));
                    if (seen.add(key)) {
                        block(key).add(v, readerPrefix);
                    }
                    placed = true;
                }
            }
            if (!placed) {
                block("").add(v, readerPrefix);
            }
        }

        /** How many records were added. */
        int records() {
            return records;
        }

        /** The segment: the index, then the blocks in key order. */
        byte[] finish() {
            String[] keys = blocks.keySet().toArray(new String[0]);
            Arrays.sort(keys); // the reader finds a package by binary search
            SegmentOutput index = new SegmentOutput();
            index.writeRawString(displayPrefix);
            index.writeVarInt(keys.length);
            byte[][] encoded = new byte[keys.length][];
            int total = 0;
            for (int i = 0; i < keys.length; i++) {
                Block block = blocks.get(keys[i]);
                encoded[i] = block.out.toByteArray();
                total += encoded[i].length;
                index.writeRawString(keys[i]);
                index.writeVarInt(block.records);
                index.writeVarInt(encoded[i].length);
            }
            byte[] head = index.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(head.length + total).put(head);
            for (byte[] b : encoded) out.put(b);
            return out.array();
        }

        private Block block(String key) {
            return blocks.computeIfAbsent(key, k -> new Block());
        }

        private static final class Block {
            final SegmentOutput out = new SegmentOutput(INITIAL_BLOCK_BYTES);
            int records;

            void add(Vulnerability v, String readerPrefix) {
                AdvisoryCodec.write(out, v, readerPrefix);
                records++;
            }
        }
    }

    static AdvisorySegment parse(ByteBuffer segment) {
        SegmentInput in = new SegmentInput(segment);
        String prefix = in.readRawString();
        int count = in.readCount();
        String[] keys = new String[count];
        int[] records = new int[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            keys[i] = in.readRawString();
            records[i] = in.readVarInt();
            lengths[i] = in.readVarInt();
        }
        ByteBuffer blocks = segment.slice();
        int[] offsets = new int[count];
        long at = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = (int) at;
            at += lengths[i];
        }
        if (at != blocks.remaining()) {
            throw new CorruptSegmentException("package blocks add up to " + at + " bytes, segment has "
                    + blocks.remaining());
        }
        return new AdvisorySegment(prefix, keys, offsets, lengths, blocks);
    }

    /** Every record, a record in several blocks once. */
    void readAll(Consumer<Vulnerability> sink) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            readBlock(i, v -> {
                if (seen.add(v.id())) sink.accept(v);
            });
        }
    }

    /**
     * Every record of every block, a record stored in several blocks as often as it is stored: for callers that
     * tell records apart by more than their id (two CSAF documents may both describe one CVE).
     */
    void readEveryBlock(Consumer<Vulnerability> sink) {
        for (int i = 0; i < keys.length; i++) {
            readBlock(i, sink);
        }
    }

    /** The records of the packages with these keys ({@link PackageNames#key}), each once. */
    void readPackages(Collection<String> packageKeys, Consumer<Vulnerability> sink) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String key : packageKeys) {
            int i = Arrays.binarySearch(keys, key);
            if (i >= 0) {
                readBlock(i, v -> {
                    if (seen.add(v.id())) sink.accept(v);
                });
            }
        }
    }

    private void readBlock(int i, Consumer<Vulnerability> sink) {
        SegmentInput in = new SegmentInput(blocks.slice(offsets[i], lengths[i]));
        while (in.hasRemaining()) {
            sink.accept(AdvisoryCodec.read(in, displayPrefix));
        }
    }
}
