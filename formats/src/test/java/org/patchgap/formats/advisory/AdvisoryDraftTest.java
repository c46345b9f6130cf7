package org.patchgap.formats.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.csaf.CsafAdvisoryReader;
import org.patchgap.formats.csaf.CsafMandatoryTests;
import org.patchgap.formats.osv.OsvReader;

/**
 * Advisory drafts: what the reader refuses, and what the writers make of a good one (read back by our readers). The
 * CSAF JSON schema check of published documents is the server's ({@code CsafSchema}, DisclosureWorkflowContract).
 */
class AdvisoryDraftTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final String GOOD = """
            {"title": "Deserialisation in log-thing", "summary": "Upgrade to 2.17.1 or 2.12.4.",
             "cve": "CVE-2099-0001", "cwe": {"id": "CWE-502", "name": "Deserialization of Untrusted Data"},
             "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
             "products": [
               {"vendor": "Example", "name": "log-thing", "purl": "pkg:maven/org.example/log-thing",
                "affected": [{"introduced": "2.0", "fixed": "2.12.4"}, {"introduced": "2.13.0", "fixed": "2.17.1"}]},
               {"vendor": "Example", "name": "Appliance", "cpe": "cpe:2.3:o:example:appliance:*:*:*:*:*:*:*:*",
                "affected": [{"fixed": "5.2"}], "kb": "EX-2026-01"}],
             "references": ["https://example.org/advisory"], "acknowledgments": ["Jane Researcher"]}
            """;

    private static AdvisoryDraft read(String json) throws Exception {
        return AdvisoryDraftReader.read(JSON.readTree(json), "draft.json");
    }

    @Test
    void refusesWhatCannotBePublishedWithEveryPath() {
        String bad = """
                {"title": "t", "summary": "s", "cve": "CVE-17-1", "cvss": "CVSS:3.1/AV:X", "fixd": "1",
                 "products": [{"vendor": "v", "name": "n", "purl": "pkg:npm/left-pad@1.0.0",
                               "affected": [{"introduced": "2.0.0", "fixed": "1.0.0"}]},
                              {"vendor": "v", "name": "m", "affected": [{"fixed": "1.x.y.z"}]}]}
                """;
        assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(AdvisoryDraftReader.InvalidDraftException.class, e -> {
            List<String> places = e.problems().stream().map(Problem::location).map(l -> l.place()).toList();
            assertThat(places).contains("/cve", "/cvss", "/fixd", "/products/0/purl", "/products/0/affected/0", "/products/1");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo("draft.json"));
        });
    }

    @Test
    void aVersionItsEcosystemRefusesIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("\"fixed\": \"2.12.4\"", "\"fixed\": \"\"").replace(
                "pkg:maven/org.example/log-thing", "pkg:npm/log-thing").replace("\"2.0\"", "\"not-semver\"")))
                .hasMessageContaining("/products/0/affected/0/introduced");
    }

    @Test
    void csafPassesSchemaAndMandatoryTestsAndReadsBackAsTheSameRanges(@TempDir Path dir) throws Exception {
        AdvisoryDraft draft = read(GOOD);
        byte[] csaf = CsafAdvisoryWriter.bytes(draft, new CsafAdvisoryWriter.Publication("EXSA-2026-0001", "Example CERT",
                "https://cert.example.org", AT, "test", "https://cert.example.org/.well-known/csaf/white/2026/exsa-2026-0001.json"));
        JsonNode document = JSON.readTree(csaf);
        assertThat(CsafMandatoryTests.check(document)).isEmpty();
        Path file = dir.resolve("exsa-2026-0001.json");
        Files.write(file, csaf);
        ReadResult<Vulnerability> read = new CsafAdvisoryReader().read(file);
        assertThat(read.items()).hasSize(1);
        Vulnerability v = read.items().get(0);
        assertThat(v.id()).isEqualTo("CVE-2099-0001");
        assertThat(v.affected()).hasSize(1); // the appliance has no purl: a CPE product only
        assertThat(v.affected().get(0).ranges().toString()).contains("2.12.4", "2.17.1", "2.13.0");
        assertThat(CsafAdvisoryWriter.fileName("EXSA-2026-0001")).isEqualTo("exsa-2026-0001.json");
        assertThat(document.at("/vulnerabilities/0/remediations/1/details").asText()).isEqualTo("Upgrade Appliance to 5.2 or later, or install EX-2026-01.");
    }

    @Test
    void osvIsTheSameFlawForTheSamePackages(@TempDir Path dir) throws Exception {
        byte[] osv = OsvAdvisoryWriter.bytes(read(GOOD), "EXSA-2026-0001", AT, "https://cert.example.org/x.json");
        Path file = dir.resolve("EXSA-2026-0001.json");
        Files.write(file, osv);
        ReadResult<Vulnerability> read = new OsvReader().read(file);
        assertThat(read.problems()).isEmpty();
        Vulnerability v = read.items().get(0);
        assertThat(v.aliases()).contains("CVE-2099-0001");
        assertThat(v.affected()).hasSize(1);
        assertThat(v.affected().get(0).name()).isEqualTo("org.example:log-thing");
    }
}
