package org.patchgap.formats.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.windows.AffectedWindowsProduct;
import org.patchgap.core.windows.WindowsFix;
import org.patchgap.core.windows.WindowsVulnerability;

class CvrfReaderTest {

    @Test
    void readsTheMsrcShape() throws Exception {
        ReadResult<WindowsVulnerability> r = WindowsAdvisories.read(fixture("icasi-two-products.xml"));
        assertThat(r.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2017-0144");
            assertThat(v.advisoryId()).isEqualTo("2017-Mar");
            assertThat(v.title()).isEqualTo("Windows SMB Remote Code Execution Vulnerability");
            assertThat(v.description()).isEqualTo("A remote code execution flaw in the SMBv1 server.");
            assertThat(v.published()).isEqualTo(Instant.parse("2017-03-14T07:00:00Z"));
            assertThat(v.workarounds()).containsExactly("Disable SMBv1");
            assertThat(v.affected()).extracting(AffectedWindowsProduct::name).containsExactly(
                    "Windows 7 for x64-based Systems Service Pack 1", "Windows 10 Version 1607 for x64-based Systems");

            AffectedWindowsProduct win7 = v.affected().get(0);
            assertThat(win7.severity().level()).isEqualTo(SeverityLevel.CRITICAL);
            assertThat(win7.fixes()).extracting(WindowsFix::kb, WindowsFix::subType).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("KB4012212", "Security Only"),
                    org.assertj.core.groups.Tuple.tuple("KB4012215", "Monthly Rollup"));
            assertThat(win7.fixes().get(1).supersedes()).containsExactlyInAnyOrder("KB3212646", "KB3205394");

            AffectedWindowsProduct win10 = v.affected().get(1);
            // The word wins for the level; the score and vector are kept.
            assertThat(win10.severity().level()).isEqualTo(SeverityLevel.HIGH);
            assertThat(win10.severity().score()).isEqualTo(8.1);
            assertThat(win10.severity().vector()).startsWith("CVSS:3.0/");
            assertThat(win10.fixes()).singleElement().satisfies(f -> {
                assertThat(f.kb()).isEqualTo("KB4013429"); // from the URL: the Description is not a number
                assertThat(f.fixedBuild()).hasToString("10.0.14393.953");
            });
        });
        assertThat(r.problems()).extracting(p -> p.location().place() + ": " + p.message()).containsExactlyInAnyOrder(
                "Vulnerability[1] (CVE-2017-0144): ProductID 99999 is not in the product tree; ignored",
                "Vulnerability[1] (CVE-2017-0144) Remediation[4]: Vendor Fix without a KB number (Description 'Click to Run'); fix skipped",
                "Vulnerability[3]: no CVE; vulnerability skipped");
    }

    @Test
    void readsOasisCvrf12() throws Exception {
        ReadResult<WindowsVulnerability> r = WindowsAdvisories.read(fixture("oasis-cvrf-1.2.xml"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.items()).singleElement().satisfies(v -> {
            assertThat(v.advisoryId()).isEqualTo("MS17-010");
            assertThat(v.title()).isEqualTo("CVE-2017-0145"); // no title: the CVE stands in
            assertThat(v.affected()).singleElement().satisfies(p -> {
                assertThat(p.product().family()).isEqualTo("Windows XP");
                assertThat(p.fixes()).extracting(WindowsFix::kb).containsExactly("KB4012598");
            });
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-cvrf.xml | not a CVRF document (expected root element cvrfdoc, found advisory)",
            "malformed.xml | at line 4, column 3: malformed XML",
            "external-entity.xml | malformed XML (expected a CVRF document): DOCTYPE is disallowed"})
    void badFilesAreBadInput(String fixture, String message) {
        assertThatThrownBy(() -> WindowsAdvisories.read(fixture(fixture))).isInstanceOf(BadInputException.class)
                .hasMessageContaining(fixture).hasMessageContaining(message);
    }

    @Test
    void aDirectoryReadsItsCvrfFilesAndReportsBrokenOnes() throws Exception {
        ReadResult<WindowsVulnerability> r = WindowsAdvisories.read(fixture("dir"));
        assertThat(r.items()).extracting(WindowsVulnerability::id).containsExactly("CVE-2017-0145");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).endsWith("cvrfdoc-broken.xml");
            assertThat(p.message()).startsWith("malformed XML");
        });
    }

    @Test
    void missingPathIsBadInput() {
        assertThatThrownBy(() -> WindowsAdvisories.read(Path.of("no/such/dir"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no such file or directory");
    }

    @Test
    void theCommonModelViewKeepsProductsFixesAndBuilds() throws Exception {
        ReadResult<Vulnerability> r = WindowsAdvisories.asAdvisoryReader().read(fixture("icasi-two-products.xml"));
        Vulnerability v = r.items().get(0);
        assertThat(v.aliases()).containsExactly("2017-Mar");
        assertThat(v.affected()).extracting(a -> a.ecosystem() + ":" + a.name()).containsExactly(
                "Windows:Windows 7 for x64-based Systems Service Pack 1", "Windows:Windows 10 Version 1607 for x64-based Systems");
        assertThat(v.affected().get(0).versions()).containsExactly("fixed-by:KB4012212", "fixed-by:KB4012215");
        assertThat(v.affected().get(1).ranges()).singleElement()
                .satisfies(range -> assertThat(range.events().get(1).version()).isEqualTo("10.0.14393.953"));
        assertThat(v.highestSeverity().level()).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(List.copyOf(r.problems())).hasSize(3);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CvrfReaderTest.class.getResource("/windows/cvrf/" + name).toURI());
    }
}
