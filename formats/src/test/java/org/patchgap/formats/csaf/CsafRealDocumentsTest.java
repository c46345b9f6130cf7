package org.patchgap.formats.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.testing.SharedData;

/**
 * Published CSAF 2.0 documents (Red Hat, Cisco, BSI, the CISA VEX use cases) from shared/data/csaf, read in place.
 * None of them carries purls, so none yields a matchable package: what they must give is every vulnerability with its
 * ids and scores, and a problem naming the products that cannot be matched.
 */
class CsafRealDocumentsTest {

    private final CsafAdvisoryReader reader = new CsafAdvisoryReader();

    @Test
    void everyPublishedDocumentIsRead() throws Exception {
        Path dir = SharedData.require("csaf");

        ReadResult<Vulnerability> result = reader.read(dir);

        assertThat(result.problems()).noneMatch(p -> p.message().contains("file skipped"));
        assertThat(result.items()).hasSizeGreaterThan(20)
                .allSatisfy(v -> assertThat(v.id()).startsWith("CVE-"));
    }

    @Test
    void redHatCweClassificationIsKept() throws Exception {
        Path doc = SharedData.require("csaf/rhsa-2022_0011.json");

        ReadResult<Vulnerability> result = reader.read(doc);

        assertThat(result.items()).anySatisfy(v -> assertThat(v.weaknesses()).containsExactly("CWE-119"));
        assertThat(result.problems()).noneMatch(p -> p.message().startsWith("cwe ignored"));
    }

    @Test
    void ciscoScoresAndAliasesComeThrough() throws Exception {
        Path doc = SharedData.require("csaf/cisco-sa-20180328-smi2.json");

        ReadResult<Vulnerability> result = reader.read(doc);

        Vulnerability v = result.items().get(0);
        assertThat(v.id()).isEqualTo("CVE-2018-0171");
        assertThat(v.aliases()).contains("cisco-sa-20180328-smi2");
        assertThat(v.highestSeverity().level()).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(v.affected()).isEmpty();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("259 affected product(s) have neither purl nor CPE"));
    }

    @Test
    void bsiCpeOnlyProductsBecomeACpePackageClosedByTheFixedVersion() throws Exception {
        Path doc = SharedData.require("csaf/bsi-2022-0001.json");

        ReadResult<Vulnerability> result = reader.read(doc);

        assertThat(result.problems()).isEmpty();
        Vulnerability v = result.items().get(0);
        assertThat(v.id()).isEqualTo("CVE-2022-27193");
        // Five known_affected products (cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha ... -rc1), fixed in -rc2.
        assertThat(v.affected()).singleElement().satisfies(p -> {
            assertThat(p.ecosystem()).isEqualTo("CPE");
            assertThat(p.name()).isEqualTo("cpe:2.3:a:csaf-tools:cvrf-csaf-converter:*:*:*:*:*:*:*:*");
            assertThat(p.versions()).isEmpty();
            assertThat(p.ranges()).extracting(r -> r.events().get(0).version() + ".." + r.events().get(1).version())
                    .containsExactly("1.0.0-alpha..1.0.0-rc2", "1.0.0-dev1..1.0.0-rc2", "1.0.0-dev2..1.0.0-rc2",
                            "1.0.0-dev3..1.0.0-rc2", "1.0.0-rc1..1.0.0-rc2");
        });
    }

    @Test
    void theCisaVexExamplesHaveNoCpeHelpers() throws Exception {
        Path dir = SharedData.require("csaf/csaf_vex");

        ReadResult<Vulnerability> result = reader.read(dir);

        // Their products are named only (no purl, no CPE): nothing to match, each still reported.
        assertThat(result.items()).allSatisfy(v -> assertThat(v.affected()).noneMatch(p -> p.ecosystem().equals("CPE")));
    }

    @Test
    void vexExamplesWithoutPurlsSayWhyTheirStatementsCannotBeMatched() throws Exception {
        Path doc = SharedData.require("csaf/csaf_vex/sec-vex-2022-0001.json");

        ReadResult<Vulnerability> result = reader.read(doc);

        // Secvisogram is named only by vendor / product name branches: no purl, no CPE, so no statement to match by.
        assertThat(result.items()).hasSize(3).allSatisfy(v -> assertThat(v.notAffected()).isEmpty());
        assertThat(result.problems()).extracting(org.patchgap.core.model.Problem::message)
                .containsOnly("1 not-affected product(s) have neither a usable purl nor a CPE and cannot be matched, e.g. Secvisogram <=1.14.0");
    }
}
