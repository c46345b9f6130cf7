package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringTableTest {

    @Test
    void givesEachDistinctStringTheIndexOfItsFirstUse() {
        StringTable table = new StringTable();
        assertThat(table.indexOrAdd("1.0")).isEqualTo(-1);
        assertThat(table.indexOrAdd("1.1")).isEqualTo(-1);
        assertThat(table.indexOrAdd(new String("1.0".toCharArray()))).isEqualTo(0);
        assertThat(table.indexOrAdd("1.1")).isEqualTo(1);
        assertThat(table.indexOrAdd("")).isEqualTo(-1);
        assertThat(table.indexOrAdd("")).isEqualTo(2);
        assertThat(table.size()).isEqualTo(3);
    }

    /** Long strings are hashed by their ends only: strings alike there must still be told apart. */
    @Test
    void tellsApartLongStringsThatDifferOnlyInTheMiddle() {
        String head = "https://github.com/advisories/";
        String tail = "/and/the/same/ending/again.html";
        StringTable table = new StringTable();
        for (int i = 0; i < 100; i++) {
            assertThat(table.indexOrAdd(head + i + tail)).isEqualTo(-1);
        }
        assertThat(StringTable.hash(head + 1 + tail)).isEqualTo(StringTable.hash(head + 2 + tail));
        for (int i = 0; i < 100; i++) {
            assertThat(table.indexOrAdd(head + i + tail)).isEqualTo(i);
        }
    }

    /** The same answers as the map it replaced, over many strings (the table grows several times). */
    @Test
    void answersAsAHashMapDoes() {
        Random random = new Random(4);
        Map<String, Integer> map = new HashMap<>();
        StringTable table = new StringTable();
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(3) == 0 ? 40 + random.nextInt(40) : 1 + random.nextInt(6);
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < length; c++) {
                s.append(random.nextInt(10) == 0 ? 'ü' : (char) ('a' + random.nextInt(4)));
            }
            String value = s.toString();
            Integer expected = map.get(value);
            if (expected == null) {
                map.put(value, map.size());
            }
            assertThat(table.indexOrAdd(value)).as(value).isEqualTo(expected == null ? -1 : expected);
        }
        assertThat(table.size()).isEqualTo(map.size());
    }
}
