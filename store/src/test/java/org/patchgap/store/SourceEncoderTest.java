package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.patchgap.core.ecosystem.PackageNames;
import org.patchgap.core.model.Vulnerability;

/**
 * Encoding records one by one as they are read gives the bytes of encoding the whole list at once, which is how
 * segments were written before (the oracle below is that code, kept here): a database written by either is the
 * same file.
 */
class SourceEncoderTest {

    /** Packages of very different sizes, ecosystems spelt several ways, records naming two or no ecosystems. */
    private static List<Vulnerability> records() {
        List<Vulnerability> records = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String name = i % 3 == 0 ? "Big_Package" : "package-" + (i % 401);
            String ecosystem = switch (i % 9) {
                case 0 -> "pypi";
                case 1 -> "npm";
                case 2 -> "Debian:12";
                case 3 -> "NoSuchEcosystem";
                case 4 -> "nosuchecosystem";
                default -> "PyPI";
            };
            records.add(Records.advisory("ID-" + i, ecosystem, name, "1." + (i % 13), "CVE-2024-" + (10000 + i)));
            if (i % 500 == 0) {
                records.add(new Vulnerability("BARE-" + i, List.of(), null, null, null, null, List.of(), List.of(),
                        List.of(), Records.PREFIX + "BARE-" + i + ".json"));
            }
            if (i % 250 == 0) {
                records.add(Records.everything());
            }
        }
        return records;
    }

    @Test
    void encodingRecordByRecordGivesTheBytesOfEncodingTheList() {
        List<Vulnerability> records = records();
        SourceEncoder encoder = new SourceEncoder(Records.PREFIX, "https://example.org/all.zip!/");
        records.forEach(encoder);
        List<SourceData.EncodedSegment> streamed = encoder.segments();

        Map<String, List<Vulnerability>> groups = EcosystemGroups.of(records);
        assertThat(streamed).extracting(SourceData.EncodedSegment::ecosystem).containsExactlyElementsOf(groups.keySet());
        assertThat(streamed).hasSizeGreaterThan(3);
        for (SourceData.EncodedSegment segment : streamed) {
            List<Vulnerability> group = groups.get(segment.ecosystem());
            assertThat(segment.records()).isEqualTo(group.size());
            byte[] expected = encodeList(segment.ecosystem(), group, Records.PREFIX, "https://example.org/all.zip!/");
            assertThat(ByteBuffer.wrap(segment.bytes())).as(segment.ecosystem()).isEqualTo(ByteBuffer.wrap(expected));
        }
    }

    /** The segment encoding as it was before records were encoded on arrival: the whole list, block by block. */
    private static byte[] encodeList(String ecosystem, List<Vulnerability> records, String readerPrefix,
                                     String displayPrefix) {
        Map<String, List<Vulnerability>> byPackage = new TreeMap<>();
        for (Vulnerability v : records) {
            boolean placed = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (DatabaseCommit.PackageRef p : DatabaseCommit.packagesOf(v)) {
                if (!ecosystem.isEmpty() && DatabaseCommit.ecosystemKey(p.ecosystem()).equals(ecosystem)) {
                    String key = PackageNames.key(ecosystem, p.name());
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
        List<byte[]> encoded = new ArrayList<>();
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
}
