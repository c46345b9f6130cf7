package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.Vulnerability;

/** Repeated aliases and reference URLs are kept once, in first-seen order, in short lists and in long ones. */
class OsvRepeatsTest {

    @TempDir
    Path dir;

    @Test
    void aShortListKeepsTheFirstOfEachAndDropsTheRecordsOwnId() throws Exception {
        Vulnerability v = read(List.of("CVE-1", "GHSA-x", "CVE-2", "CVE-1"), List.of("https://a", "https://b", "https://a"));
        assertThat(v.aliases()).containsExactly("CVE-1", "CVE-2");
        assertThat(v.references()).containsExactly("https://a", "https://b");
    }

    @Test
    void aLongListKeepsTheFirstOfEachToo() throws Exception {
        List<String> urls = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add("https://example.org/" + (i * 7 % 13));
            aliases.add(i == 20 ? "GHSA-x" : "CVE-" + (i * 5 % 17));
        }
        Vulnerability v = read(aliases, urls);
        assertThat(v.references()).containsExactlyElementsOf(urls.stream().distinct().toList());
        assertThat(v.aliases()).containsExactlyElementsOf(
                aliases.stream().distinct().filter(a -> !a.equals("GHSA-x")).toList());
    }

    private Vulnerability read(List<String> aliases, List<String> urls) throws Exception {
        String json = "{\"id\": \"GHSA-x\", \"aliases\": [" + quoted(aliases) + "], \"references\": ["
                + urls.stream().map(u -> "{\"type\": \"WEB\", \"url\": \" " + u + " \"}").collect(Collectors.joining(", "))
                + "]}";
        Path file = dir.resolve("GHSA-x.json");
        Files.writeString(file, json);
        List<Vulnerability> items = new OsvReader().read(file).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
