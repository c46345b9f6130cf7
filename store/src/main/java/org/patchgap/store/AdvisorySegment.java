package org.patchgap.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Map<String, List<Vulnerability>> byPackage = new TreeMap<>();
        // A segment's records spell their ecosystem a few ways at most; working out the key is not free.
        Map<String, Boolean> inSegment = new java.util.HashMap<>();
        // The package names repeat too (every record of a package), and PyPI's key is a regular expression away.
        Map<String, String> packageKeys = new java.util.HashMap<>();
        for (Vulnerability v : records) {
            boolean placed = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (DatabaseCommit.PackageRef p : DatabaseCommit.packagesOf(v)) {
                if (!ecosystem.isEmpty() && inSegment.computeIfAbsent(p.ecosystem(),
                        e -> DatabaseCommit.ecosystemKey(e).equals(ecosystem))) {
                    String key = packageKeys.computeIfAbsent(p.name(), name -> PackageNames.key(ecosystem, name));
                    if (seen.add(key)) {
                        byPackage.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                    }
                    placed = true;
                }
            }
            if (!placed) {
                byPackage.computeIfAbsent("", k -> new ArrayList<>()).add(v);
            }
        }
        List<byte[]> encoded = new ArrayList<>(byPackage.size());
        SegmentOutput index = new SegmentOutput();
        index.writeRawString(displayPrefix);
        index.writeVarInt(byPackage.size());
        for (Map.Entry<String, List<Vulnerability>> e : byPackage.entrySet()) {
            SegmentOutput block = new SegmentOutput();
            for (Vulnerability v : e.getValue()) {
                AdvisoryCodec.write(block, v, readerPrefix);
            }
            byte[] bytes = block.toByteArray();
            encoded.add(bytes);
            index.writeRawString(e.getKey());
            index.writeVarInt(e.getValue().size());
            index.writeVarInt(bytes.length);
        }
        byte[] head = index.toByteArray();
        int total = head.length;
        for (byte[] b : encoded) total += b.length;
        ByteBuffer out = ByteBuffer.allocate(total).put(head);
        for (byte[] b : encoded) out.put(b);
        return out.array();
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
