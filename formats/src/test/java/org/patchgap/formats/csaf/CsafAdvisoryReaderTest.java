package org.patchgap.formats.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

class CsafAdvisoryReaderTest {

    private final CsafAdvisoryReader reader = new CsafAdvisoryReader();

    static Path fixture(String name) {
        try {
            return Path.of(CsafAdvisoryReaderTest.class.getResource("/csaf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AffectedRange range(RangeEvent... events) {
        return new AffectedRange(AffectedRange.Type.ECOSYSTEM, null, List.of(events));
    }

    @Test
    void explicitVersionsAreClosedByTheNearestFixAndVersRangesBecomeEvents() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("npm-affected-and-fixed.json"));

        assertThat(result.problems()).isEmpty();
        Vulnerability v = result.items().get(0);
        assertThat(v.id()).isEqualTo("CVE-2024-0001");
        assertThat(v.aliases()).containsExactly("GHSA-aaaa-bbbb-cccc", "EX-2024-0001");
        assertThat(v.summary()).isEqualTo("Prototype pollution in left-pad");
        assertThat(v.published()).hasToString("2024-03-01T10:00:00Z");
        assertThat(v.modified()).hasToString("2024-03-05T10:00:00Z");
        assertThat(v.highestSeverity().level()).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(v.highestSeverity().score()).isEqualTo(9.8);
        assertThat(v.references()).containsExactly("https://www.cve.org/CVERecord?id=CVE-2024-0001",
                "https://example.com/left-pad/releases/2.7.0", "https://example.com/advisories/EX-2024-0001.json");

        assertThat(v.affected()).hasSize(1);
        AffectedPackage p = v.affected().get(0);
        assertThat(p.ecosystem()).isEqualTo("npm");
        assertThat(p.name()).isEqualTo("left-pad");
        assertThat(p.purl()).isEqualTo("pkg:npm/left-pad");
        // 2.4.0 comes from the purl, 2.6.0 from the product_version branch; 1.0.0 is known_not_affected.
        assertThat(p.versions()).isEmpty();
        assertThat(p.ranges()).containsExactly(
                range(RangeEvent.introduced("3.0.0"), RangeEvent.fixed("3.2.1")),
                range(RangeEvent.introduced("2.4.0"), RangeEvent.fixed("2.7.0")),
                range(RangeEvent.introduced("2.6.0"), RangeEvent.fixed("2.7.0")));
    }

    @Test
    void aPackageNamedOnlyAsFixedIsAffectedBelowItAndRelationshipsInheritTheirPackage() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("rpm-relationships.json"));

        Vulnerability v = result.items().get(0);
        assertThat(v.aliases()).containsExactly("EXSA-2022:0011");
        assertThat(v.references()).containsExactly("https://example.org/errata/EXSA-2022:0011");
        assertThat(v.affected()).hasSize(2);
        assertThat(v.affected().get(1)).satisfies(p -> {
            assertThat(p.name()).isEqualTo("telnet");
            assertThat(p.versions()).isEmpty();
            assertThat(p.ranges()).containsExactly(range(RangeEvent.introduced("0"), RangeEvent.fixed("1:0.17-85.el9")));
        });
        // The platform is affected too and has only a CPE (2.2 URI): a CPE package at the CPE's own version.
        assertThat(v.affected().get(0)).satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("CPE");
            assertThat(p.name()).isEqualTo("cpe:2.3:o:example:linux:*:*:*:*:*:*:*:*");
            assertThat(p.purl()).isNull();
            assertThat(p.versions()).containsExactly("9");
            assertThat(p.ranges()).isEmpty();
        });
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void productsKnownOnlyByTheirCpeBecomeCpePackages() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("cpe-products.json"));

        Vulnerability v = result.items().get(0);
        assertThat(v.affected()).hasSize(1);
        AffectedPackage p = v.affected().get(0);
        assertThat(p.ecosystem()).isEqualTo("CPE");
        // Both Gateway products are one package: its CPE with version ANY.
        assertThat(p.name()).isEqualTo("cpe:2.3:a:example:gateway:*:*:*:*:*:*:*:*");
        assertThat(p.ranges()).containsExactly(range(RangeEvent.introduced("1.0"), RangeEvent.fixed("1.4")));
        assertThat(p.versions()).containsExactly("2.0");
        assertThat(result.problems()).extracting(Problem::message).containsExactly(
                "product BROKEN: malformed CPE 'cpe:2.3:a:example' at position 17: expected ':' and a value for product"
                        + " (a formatted string has 11 attributes)",
                "1 affected product(s) have neither purl nor CPE and cannot be matched, e.g. Nameless");
    }

    @Test
    void knownNotAffectedNeverBecomesAffected() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("vex-not-affected.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2024-0001");
            assertThat(v.affected()).isEmpty();
        });
    }

    @Test
    void badRecordsAreSkippedAndReportedWithTheirPlace() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("bad-records.json"));

        assertThat(result.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2024-0002");
            assertThat(v.severities()).isEmpty();
            assertThat(v.affected()).singleElement().satisfies(p -> {
                assertThat(p.ecosystem()).isEqualTo("PyPI");
                assertThat(p.name()).isEqualTo("requests");
                assertThat(p.versions()).containsExactly("2.0.0");
            });
        });
        assertThat(result.problems()).extracting(Problem::toString).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).endsWith("/vulnerabilities/0: no cve and no ids; vulnerability skipped"),
                m -> assertThat(m).contains("/vulnerabilities/1/product_status: product BAD-PURL: bad purl pkg:"),
                m -> assertThat(m).endsWith("/vulnerabilities/1/product_status: product no version (pkg:pypi/flask)"
                        + " has no version or version range; ignored"),
                m -> assertThat(m).endsWith("product_id UNKNOWN-ID is not in the product tree; ignored"),
                m -> assertThat(m).contains("product EXCLUSIVE: version range vers:pypi/>1.0|<2.0 has an exclusive"),
                m -> assertThat(m).contains("product BAD-RANGE: version range vers:pypi/<<2.0 ignored: "),
                m -> assertThat(m).contains("/vulnerabilities/1/scores: CVSS vector CVSS:3.1/AV:X ignored: "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not-json.txt  | not-json.txt at line 1, column 1: not valid JSON
            not-csaf.json | not-csaf.json at /document/tracking: not a CSAF document (expected a document object with tracking)
            empty.json    | empty.json
            missing.json  | no such file
            """)
    void unusableFilesAreBadInput(String name, String expected) {
        Path file = name.equals("missing.json") ? fixture("empty.json").resolveSibling(name) : fixture(name);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(BadInputException.class).hasMessageContaining(expected);
    }

    @Test
    void aDirectoryIsReadFileByFileAndABrokenFileIsAProblem(@TempDir Path dir) throws Exception {
        Files.copy(fixture("npm-affected-and-fixed.json"), dir.resolve("a.json"));
        Files.copy(fixture("not-csaf.json"), dir.resolve("b.json"));
        Files.copy(fixture("vex-not-affected.json"), dir.resolve("c.json"));
        Files.writeString(dir.resolve("notes.txt"), "not read");

        ReadResult<Vulnerability> result = reader.read(dir);

        assertThat(result.items()).extracting(Vulnerability::source)
                .containsExactly(dir.resolve("a.json").toString(), dir.resolve("c.json").toString());
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(dir.resolve("b.json")
                + " at /document/tracking: not a CSAF document (expected a document object with tracking); file skipped");
    }
}
