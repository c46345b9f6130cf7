package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchgap scan} in-process: NVD pages are routed by content, also inside a directory of OSV records. */
class CpeScanTest {

    @Test
    void anNvdPageInAnAdvisoryDirectoryIsRoutedToTheNvdReader(@TempDir Path dir) throws Exception {
        Path advisories = Files.createDirectory(dir.resolve("advisories"));
        // Named without any hint: the content decides.
        Files.copy(fixture("nvd-page.json"), advisories.resolve("cves.json"));
        Files.copy(Path.of(Cli.example("advisories/osv")).resolve(firstOsvRecord()), advisories.resolve("osv.json"));

        Cli.Result r = Cli.run("scan", "--advisories", advisories.toString(), "--format", "json",
                fixture("appliance.cdx.json").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        List<String> ids = new ArrayList<>();
        report.get("findings").forEach(f -> ids.add(f.at("/vulnerability/id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("CVE-2021-41773", "CVE-2021-44790");
        assertThat(report.at("/summary/advisories").asInt()).isEqualTo(3);
        assertThat(report.get("problems")).isEmpty();
    }

    private static String firstOsvRecord() throws Exception {
        try (var files = Files.list(Path.of(Cli.example("advisories/osv")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("GHSA-") && n.endsWith(".json"))
                    .sorted().findFirst().orElseThrow();
        }
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(CpeScanTest.class.getResource("/cpe/" + name).toURI());
    }
}
