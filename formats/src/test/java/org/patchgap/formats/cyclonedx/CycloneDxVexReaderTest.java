package org.patchgap.formats.cyclonedx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.NotAffectedStatement.Justification;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;

class CycloneDxVexReaderTest {

    private final CycloneDxVexReader reader = new CycloneDxVexReader();

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CycloneDxVexReaderTest.class.getResource("/cyclonedx/vex/" + name).toURI());
    }

    @Test
    void notAffectedAnalysesBecomeStatementsOfTheReferencedComponents() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("not-affected.cdx.json"));

        assertThat(result.problems()).isEmpty();
        // exploitable and in_triage make no record.
        assertThat(result.items()).extracting(Vulnerability::id)
                .containsExactly("CVE-2020-25649", "CVE-2024-0010", "CVE-2024-0011");
        Vulnerability xxe = result.items().get(0);
        assertThat(xxe.aliases()).containsExactly("GHSA-288c-cq4h-88gq");
        assertThat(xxe.summary()).isEqualTo("XXE in jackson-databind");
        assertThat(xxe.references()).containsExactly("https://nvd.nist.gov/vuln/detail/CVE-2020-25649");
        assertThat(xxe.affected()).isEmpty();
        assertThat(xxe.notAffected()).containsExactly(
                new NotAffectedStatement("Maven", "com.fasterxml.jackson.core:jackson-databind",
                        "pkg:maven/com.fasterxml.jackson.core/jackson-databind", List.of(), List.of("2.10.0"),
                        Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, "Acme never deserializes XML."),
                // Through a BOM-Link into this BOM (its serial number); the purl has no version: every version.
                new NotAffectedStatement("npm", "lib", "pkg:npm/lib", List.of(), List.of(),
                        Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, "Acme never deserializes XML."));
        assertThat(result.items().get(1).notAffected()).containsExactly(new NotAffectedStatement("CPE",
                "cpe:2.3:o:example:gateway_firmware:*:*:*:*:*:*:*:*", null,
                List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                        List.of(RangeEvent.introduced("4.0"), RangeEvent.fixed("4.2")))),
                List.of("3.1"),
                // requires_configuration has no CSAF label: it stays readable in the impact text.
                null, "requires_configuration: Only with the debug listener enabled."));
        assertThat(result.items().get(2).notAffected()).containsExactly(new NotAffectedStatement("PyPI", "requests",
                "pkg:pypi/requests", List.of(), List.of("2.31.0"), null, "false positive"));
    }

    @Test
    void affectsThatNameNothingMatchableAreReportedAndNeverWiden() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("bad-affects.cdx.json"));

        assertThat(result.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2024-0021");
            assertThat(v.notAffected()).containsExactly(new NotAffectedStatement("npm", "lib", "pkg:npm/lib",
                    List.of(), List.of("1.0.0"), Justification.INLINE_MITIGATIONS_ALREADY_EXIST, null));
        });
        assertThat(result.problems()).extracting(p -> p.location().place() + ": " + p.message()).containsExactly(
                "/vulnerabilities/0: vulnerability without id; skipped",
                "/vulnerabilities/1/affects/0: ref missing names no component of this BOM; no statement",
                "/vulnerabilities/1/affects/3/versions/0: version status affected in a not_affected analysis;"
                        + " version ignored",
                "/vulnerabilities/1/affects/4/versions/0: ref lib: version range vers:npm/>1.0.0|<2.0.0 has an"
                        + " exclusive lower bound or exclusions the model cannot hold; ignored",
                "/vulnerabilities/1/affects/5: " + result.problems().get(4).message(),
                "/vulnerabilities/2/affects/0/versions/1: expected a version or a range; ignored",
                // Common in real VEX BOMs (the product itself, other BOMs): counted once per file.
                "/vulnerabilities: 1 affects ref(s) name a component with neither purl nor CPE and cannot be matched,"
                        + " e.g. named-only",
                "/vulnerabilities: 1 affects ref(s) are BOM-Links into another BOM whose bom-ref is no purl and cannot"
                        + " be matched, e.g. urn:cdx:99999999-2222-3333-4444-555555555555/1#lib");
        assertThat(result.problems().get(4).message()).startsWith("ref: bad purl pkg:npm");
    }

    @Test
    void justificationsMapOnlyWhereCsafSaysTheSame() {
        assertThat(CycloneDxVexReader.justification("code_not_present")).isEqualTo(Justification.VULNERABLE_CODE_NOT_PRESENT);
        assertThat(CycloneDxVexReader.justification("code_not_reachable"))
                .isEqualTo(Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
        assertThat(CycloneDxVexReader.justification("protected_by_compiler"))
                .isEqualTo(Justification.INLINE_MITIGATIONS_ALREADY_EXIST);
        for (String deploymentDependent : List.of("requires_configuration", "requires_dependency",
                "requires_environment", "protected_at_perimeter", "protected_by_mitigating_control", "unknown")) {
            assertThat(CycloneDxVexReader.justification(deploymentDependent)).as(deploymentDependent).isNull();
        }
    }

    @Test
    void aBomWithoutVulnerabilitiesIsNoVexSourceButStaysAnInventory() throws Exception {
        assertThatThrownBy(() -> reader.read(fixture("sbom-without-vulnerabilities.cdx.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("sbom-without-vulnerabilities.cdx.json")
                .hasMessageContaining("/vulnerabilities")
                .hasMessageContaining("give it as a scan target");
        assertThatThrownBy(() -> reader.read(Path.of(CycloneDxVexReaderTest.class
                .getResource("/cyclonedx/not-cyclonedx.json").toURI())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("/bomFormat");
        // The inventory reader keeps reading a VEX BOM as the inventory it also is.
        ReadResult<Target> inventory = new CycloneDxReader().read(fixture("not-affected.cdx.json"));
        assertThat(inventory.items()).singleElement().satisfies(t -> assertThat(t.components())
                .extracting(c -> c.name()).contains("com.fasterxml.jackson.core:jackson-databind", "gateway-firmware"));
    }
}
