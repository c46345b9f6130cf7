package org.patchgap.formats.nvd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

/** The mapping rules the store's NVD tests do not reach; whole pages are tested in the store's NvdSourceTest. */
class NvdCveReaderTest {

    private static final String API = "https://services.nvd.nist.gov/rest/json/cves/2.0";

    @TempDir
    Path dir;

    @Test
    void startExcludingBecomesIntroducedAndPlatformsAreNotKept() throws Exception {
        Vulnerability v = only(cve("""
                "configurations": [{"operator": "AND", "nodes": [
                  {"operator": "OR", "cpeMatch": [{"vulnerable": true,
                    "criteria": "cpe:2.3:a:example:tool:*:*:*:*:*:*:*:*",
                    "versionStartExcluding": "1.0", "versionEndIncluding": "1.4"}]},
                  {"operator": "OR", "cpeMatch": [{"vulnerable": false,
                    "criteria": "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*"}]}]}]
                """));
        assertThat(v.affected()).extracting(AffectedPackage::name)
                .containsExactly("cpe:2.3:a:example:tool:*:*:*:*:*:*:*:*");
        assertThat(v.affected().get(0).ranges().get(0).events())
                .containsExactly(RangeEvent.introduced("1.0"), RangeEvent.lastAffected("1.4"));
    }

    @Test
    void cweIdsOfNvdAndTheCnaAreKeptOnceAndPlaceholdersDropped() throws Exception {
        Vulnerability v = only(cve("""
                "weaknesses": [
                  {"source": "nvd@nist.gov", "type": "Primary", "description": [{"lang": "en", "value": "CWE-917"},
                                                                                 {"lang": "en", "value": "NVD-CWE-Other"}]},
                  {"source": "security@apache.org", "type": "Secondary", "description": [
                      {"lang": "en", "value": "CWE-502"}, {"lang": "en", "value": "cwe-0917"}]}]
                """));
        assertThat(v.weaknesses()).containsExactly("CWE-917", "CWE-502");
    }

    @Test
    void escapedColonsStayInsideOneCpePart() throws Exception {
        Vulnerability v = only(cve("""
                "configurations": [{"nodes": [{"operator": "OR", "cpeMatch": [{"vulnerable": true,
                  "criteria": "cpe:2.3:a:example:a\\\\:b:3.2:*:*:*:*:*:*:*"}]}]}]
                """));
        assertThat(v.affected().get(0).versions()).containsExactly("3.2");
    }

    @Test
    void aQuotedVersionIsKeptUnquotedAndAMalformedCriteriaNamesItsPosition() throws Exception {
        Path file = page("""
                {"cve": {"id": "CVE-2018-0171", "configurations": [{"nodes": [{"cpeMatch": [
                  {"vulnerable": true, "criteria": "cpe:2.3:o:cisco:ios:12.2\\\\(55\\\\)se:*:*:*:*:*:*:*"},
                  {"vulnerable": true, "criteria": "cpe:2.3:o:cisco:ios:12.2:*:*:*"}]}]}]}}
                """);
        NvdPage page = new NvdCveReader().read(file, API);
        assertThat(page.records().get(0).affected()).singleElement()
                .satisfies(p -> assertThat(p.versions()).containsExactly("12.2(55)se"));
        assertThat(page.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("CPE match skipped: malformed CPE 'cpe:2.3:o:cisco:ios:12.2:*:*:*' at position 30: expected"
                        + " ':' and a value for sw_edition (a formatted string has 11 attributes)"));
    }

    @Test
    void rejectedCvesAreWithdrawnAndBadVectorsKeptWithoutLevel() throws Exception {
        Path file = page("""
                {"cve": {"id": "CVE-2020-0001", "vulnStatus": "Rejected", "lastModified": "2024-01-02T03:04:05.000",
                  "metrics": {"cvssMetricV31": [{"type": "Primary",
                    "cvssData": {"vectorString": "CVSS:3.1/AV:X"}}]}}}
                """);
        NvdPage page = new NvdCveReader().read(file, API);
        Vulnerability v = page.records().get(0);
        assertThat(v.withdrawn()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(v.severities()).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo(SeverityLevel.UNKNOWN);
            assertThat(s.type()).isEqualTo("CVSS_V3");
        });
        assertThat(page.problems()).singleElement().satisfies(p -> assertThat(p.location().place())
                .isEqualTo("/vulnerabilities/0/cve/metrics/cvssMetricV31/0/cvssData/vectorString"));
    }

    @Test
    void badCpeAndBadDatesAreReportedWithTheirPointer() throws Exception {
        Path file = page("""
                {"cve": {"id": "CVE-2020-0002", "configurations": [{"nodes": [{"cpeMatch": [
                  {"vulnerable": true, "criteria": "cpe:/a:example:tool:1.0"}]}]}]}},
                {"cve": {"id": "CVE-2020-0003", "published": "yesterday"}}
                """);
        NvdPage page = new NvdCveReader().read(file, API);
        assertThat(page.records()).extracting(Vulnerability::id).containsExactly("CVE-2020-0002");
        assertThat(page.entries()).isEqualTo(2);
        assertThat(page.problems()).extracting(p -> p.location().place()).containsExactly(
                "/vulnerabilities/0/cve/configurations/0/nodes/0/cpeMatch/0/criteria",
                "/vulnerabilities/1/cve/published");
    }

    @Test
    void whatIsNotAnApiResponseIsRefused() throws Exception {
        Path notJson = Files.writeString(dir.resolve("cut.json"), "{\"totalResults\": 3, \"vulnerabilities\": [");
        assertThatThrownBy(() -> new NvdCveReader().read(notJson, API)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cut.json").hasMessageContaining("not JSON");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"catalogVersion\": \"2025.08.25\"}");
        assertThatThrownBy(() -> new NvdCveReader().read(other, API)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("totalResults");
    }

    private Vulnerability only(Path file) throws Exception {
        NvdPage page = new NvdCveReader().read(file, API);
        assertThat(page.problems()).isEmpty();
        return page.records().get(0);
    }

    private Path cve(String fields) throws Exception {
        return page("{\"cve\": {\"id\": \"CVE-2024-0001\", " + fields + "}}");
    }

    private Path page(String entries) throws Exception {
        return Files.writeString(dir.resolve("page.json"), "{\"resultsPerPage\": 2000, \"startIndex\": 0, "
                + "\"totalResults\": 1, \"vulnerabilities\": [" + entries + "]}");
    }
}
