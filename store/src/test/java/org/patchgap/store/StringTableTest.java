package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The segment string table ({@link StringTable} inside {@link SegmentOutput}) writes the bytes of the plain map
 * of string to index it replaced, and they read back.
 */
class StringTableTest {

    @Test
    void givesEachDistinctStringTheIndexOfItsFirstUse() {
        assertSameBytes(List.of("1.0", "1.1", new String("1.0".toCharArray()), "1.1", "", "", "ü", "ü", "1.0"));
    }

    /** Long strings are hashed by their ends only: strings alike there must still be told apart. */
    @Test
    void tellsApartLongStringsThatDifferOnlyInTheMiddle() {
        String head = "https://github.com/advisories/";
        String tail = "/and/the/same/ending/again.html";
        assertThat(StringTable.hash(head + 1 + tail)).isEqualTo(StringTable.hash(head + 2 + tail));
        List<String> values = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 100; i++) {
                values.add(head + i + tail);
                values.add(head + "é" + i + tail);
            }
        }
        assertSameBytes(values);
    }

    /** Many strings (the table grows several times), short and long, ASCII and not, most of them repeated. */
    @Test
    void writesWhatTheMapWroteForRandomStrings() {
        Random random = new Random(4);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(3) == 0 ? 30 + random.nextInt(40) : random.nextInt(6);
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < length; c++) {
                int kind = random.nextInt(20);
                s.append(kind == 0 ? 'ü' : kind == 1 ? '€' : (char) ('a' + random.nextInt(3)));
            }
            values.add(s.toString());
        }
        assertSameBytes(values);
    }

    @Test
    void comparesTextWithUtf8Bytes() {
        byte[] block = "xx1.0ü€y".getBytes(StandardCharsets.UTF_8);
        assertThat(StringTable.sameText("1.0", block, 2, 3)).isTrue();
        assertThat(StringTable.sameText("1.1", block, 2, 3)).isFalse();
        assertThat(StringTable.sameText("ü€", block, 5, 5)).isTrue();
        assertThat(StringTable.sameText("ü€y", block, 5, 5)).isFalse();
        assertThat(StringTable.sameText("üy", block, 5, 5)).isFalse();
    }

    private static void assertSameBytes(List<String> values) {
        SegmentOutput out = new SegmentOutput(16);
        for (String v : values) {
            out.writeString(v);
        }
        assertThat(ByteBuffer.wrap(out.toByteArray())).isEqualTo(ByteBuffer.wrap(withMap(values)));
        SegmentInput in = new SegmentInput(ByteBuffer.wrap(out.toByteArray()));
        for (String v : values) {
            assertThat(in.readString()).isEqualTo(v);
        }
    }

    /** The encoding as it was: a {@code HashMap<String, Integer>} from each string to its index. */
    private static byte[] withMap(List<String> values) {
        Map<String, Integer> table = new HashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            Integer known = table.get(v);
            if (known != null) {
                varInt(out, known + 2);
            } else {
                table.put(v, table.size());
                varInt(out, 1);
                byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
                varInt(out, utf8.length);
                out.writeBytes(utf8);
            }
        }
        return out.toByteArray();
    }

    private static void varInt(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }
}
