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
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Remediation;
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
            // Red Hat's style: the vendor_fix names the fixed build (through its relationship), not the affected one.
            assertThat(p.remediations()).containsExactly(new Remediation(Remediation.Category.VENDOR_FIX, "",
                    "https://example.org/errata/EXSA-2022:0011", null));
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
            assertThat(v.notAffected()).containsExactly(new NotAffectedStatement("npm", "left-pad", "pkg:npm/left-pad",
                    List.of(), List.of("1.0.0"), NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_PRESENT, null));
        });
    }

    @Test
    void notAffectedProductsKnownByCpeBecomeCpeStatements() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("vex-cpe-not-affected.json"));

        String httpd = "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*";
        assertThat(result.items()).singleElement().satisfies(v -> assertThat(v.notAffected()).containsExactly(
                // Named as the CPE-affected path names its package: 2.3 form, version ANY, the version apart.
                new NotAffectedStatement("CPE", httpd, null, List.of(), List.of("2.4.49"),
                        NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_PRESENT, "mod_cgi is not built."),
                new NotAffectedStatement("CPE", httpd, null,
                        List.of(range(RangeEvent.introduced("3.0"), RangeEvent.fixed("3.2"))), List.of(), null,
                        "mod_cgi is not built.")));
        assertThat(result.problems()).extracting(Problem::message).singleElement()
                .satisfies(m -> assertThat(m).startsWith("product GW-BROKEN: malformed CPE 'cpe:2.3:a:apache'"));
        assertThat(result.problems()).extracting(p -> p.location().place())
                .containsExactly("/vulnerabilities/0/product_status/known_not_affected");
    }

    @Test
    void cpeStatementSuppressesTheCpeFindingOfAnotherSource() throws Exception {
        List<Vulnerability> records = new java.util.ArrayList<>(reader.read(fixture("vex-cpe-not-affected.json")).items());
        records.add(new Vulnerability("CVE-2021-41773", List.of(), null, null, null, null, List.of(),
                List.of(new AffectedPackage("CPE", "cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*", null,
                        List.of(range(RangeEvent.introduced("2.4.0"), RangeEvent.fixed("2.4.50"))), List.of(), null)),
                List.of(), "nvd"));
        org.patchgap.core.match.Matcher matcher = org.patchgap.core.match.Matcher.of(records);

        java.util.function.Function<String, org.patchgap.core.match.MatchReport> scan = cpe -> matcher.match(List.of(
                new org.patchgap.core.model.Target("gw", org.patchgap.core.model.Target.Kind.APPLICATION, "sbom.json",
                        List.of(new org.patchgap.core.model.Component(null, "gateway", null, null,
                                new org.patchgap.core.model.Location("sbom.json", "/components/0"), cpe)))));
        assertThat(scan.apply("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*").suppressed()).hasSize(1);
        assertThat(scan.apply("cpe:2.3:a:apache:http_server:2.4.48:*:*:*:*:*:*:*").findings()).hasSize(1);
    }

    @Test
    void notAffectedProductsBecomeStatementsWithTheirFlagAndImpact() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("vex-flags-threats-remediations.json"));

        Vulnerability v = result.items().get(0);
        NotAffectedStatement.Justification notInPath = NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH;
        assertThat(v.notAffected()).containsExactly(
                new NotAffectedStatement("npm", "widget", "pkg:npm/widget", List.of(), List.of("1.0.0"), notInPath,
                        "The parser that has the flaw is never called."),
                // Named through its group; an exploit_status threat is not an impact statement.
                new NotAffectedStatement("npm", "widget", "pkg:npm/widget",
                        List.of(range(RangeEvent.introduced("2.0.0"), RangeEvent.fixed("2.1.0"))), List.of(),
                        notInPath, null));
        assertThat(result.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                "flag label not_a_csaf_label is not a CSAF 2.0 justification; ignored",
                "1 not-affected product(s) have neither a usable purl nor a CPE and cannot be matched, e.g. Widget Appliance 7",
                "remediation category patch_it is not a CSAF 2.0 category (vendor_fix, workaround, mitigation,"
                        + " no_fix_planned, none_available); ignored");
        assertThat(result.problems()).extracting(p -> p.location().place()).contains(
                "/vulnerabilities/0/flags/1", "/vulnerabilities/0/remediations/3");
    }

    @Test
    void remediationsAreKeptOnTheAffectedPackagesTheyName() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("vex-flags-threats-remediations.json"));

        assertThat(result.items().get(0).affected()).singleElement().satisfies(p -> {
            assertThat(p.versions()).containsExactly("3.0.0");
            assertThat(p.remediations()).containsExactly(
                    new Remediation(Remediation.Category.VENDOR_FIX, "EXSA-2024:0002",
                            "https://example.com/advisories/EXSA-2024:0002", java.time.Instant.parse("2024-03-02T10:00:00Z")),
                    new Remediation(Remediation.Category.WORKAROUND, "Disable the parser with --no-parse.", null, null));
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

    @Test
    void aDocumentsIdDoesNotLinkItsVulnerabilitiesSoAStatementAboutOneCannotHideAnother() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("two-vulnerabilities.json"));
        assertThat(result.items()).extracting(Vulnerability::aliases).containsOnly(List.of());

        // Another source says CVE-2024-0003 affects every widget: the vendor's statement suppresses that one only.
        Vulnerability osv = new Vulnerability("GHSA-wwww", List.of("CVE-2024-0003"), null, null, null, null, List.of(),
                List.of(new AffectedPackage("npm", "widget", null, List.of(range(RangeEvent.introduced("0"))), List.of(),
                        null)), List.of(), "osv.json");
        List<Vulnerability> records = new java.util.ArrayList<>(result.items());
        records.add(osv);
        var component = new org.patchgap.core.model.Component("npm", "widget", "1.0.0", null,
                new org.patchgap.core.model.Location("app.json", "/0"));
        var report = org.patchgap.core.match.Matcher.of(records).match(List.of(new org.patchgap.core.model.Target(
                "app", org.patchgap.core.model.Target.Kind.APPLICATION, "app.json", List.of(component))));

        assertThat(report.findings()).extracting(f -> f.vulnerability().id()).containsExactly("CVE-2024-0004");
        assertThat(report.suppressed()).extracting(s -> s.finding().vulnerability().id()).containsExactly("GHSA-wwww");
    }
}
