package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Vulnerability;

/**
 * {@code db import} recognises OpenVEX and CycloneDX VEX files by content and stores their statements under the
 * packages they name: purl statements in their ecosystem, CPE statements in the CPE blocks keyed by vendor:product.
 */
class VexImportTest {

    @TempDir
    Path dir;

    @TempDir
    Path inputs;

    private static final String OPENVEX = """
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1", "author": "Example",
             "timestamp": "2024-01-10T10:00:00Z", "version": 1,
             "statements": [
               {"vulnerability": {"name": "CVE-2021-44228"}, "status": "not_affected",
                "justification": "vulnerable_code_not_present",
                "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                             {"identifiers": {"cpe23": "cpe:2.3:a:example:gateway:3.1:*:*:*:*:*:*:*"}}]}
             ]}
            """;

    private static final String CYCLONEDX_VEX = """
            {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
             "components": [{"type": "library", "bom-ref": "lp", "name": "left-pad", "version": "1.0.0",
                             "purl": "pkg:npm/left-pad@1.0.0"}],
             "vulnerabilities": [{"id": "CVE-2024-0001", "analysis": {"state": "not_affected",
                                  "justification": "code_not_present"}, "affects": [{"ref": "lp"}]}]}
            """;

    private DatabaseImporter importer() {
        return new DatabaseImporter(dir, path -> {
            throw new AssertionError("no OSV input here: " + path);
        }, Clock.systemUTC());
    }

    @Test
    void vexFilesAreRecognisedAndTheirStatementsStoredUnderTheirPackages() throws Exception {
        Path openVex = Files.writeString(inputs.resolve("vendor.openvex.json"), OPENVEX);
        Path cdx = Files.writeString(inputs.resolve("vex.cdx.json"), CYCLONEDX_VEX);
        assertThat(DatabaseImporter.detect(openVex)).isEqualTo(DatabaseImporter.Kind.OPENVEX);
        assertThat(DatabaseImporter.detect(cdx)).isEqualTo(DatabaseImporter.Kind.CYCLONEDX_VEX);

        importer().importPaths(List.of(openVex, cdx), ProgressListener.NONE);

        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            List<Vulnerability> log4j = db.vulnerabilitiesFor(Map.of("Maven",
                    List.of("org.apache.logging.log4j:log4j-core")));
            assertThat(log4j).singleElement().satisfies(v -> {
                assertThat(v.id()).isEqualTo("CVE-2021-44228");
                assertThat(v.notAffected()).hasSize(2);
            });
            // A component's CPE finds the statement through the vendor:product block, any version, either binding.
            assertThat(db.vulnerabilitiesFor(Map.of("CPE", List.of("cpe:/a:example:gateway:3.1"))))
                    .extracting(Vulnerability::id).containsExactly("CVE-2021-44228");
            assertThat(db.vulnerabilitiesFor(Map.of("npm", List.of("left-pad"))))
                    .singleElement().satisfies(v -> assertThat(v.notAffected()).singleElement()
                            .satisfies(s -> assertThat(s.versions()).containsExactly("1.0.0")));
            assertThat(db.vulnerabilitiesFor(Map.of("npm", List.of("lodash")))).isEmpty();
        }
    }

    @Test
    void aCycloneDxSbomWithoutVulnerabilitiesIsRefusedAsAnInventory() throws Exception {
        Path sbom = Files.writeString(inputs.resolve("app.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": []}
                """);

        assertThatThrownBy(() -> importer().importPaths(List.of(sbom), ProgressListener.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("app.cdx.json")
                .hasMessageContaining("give it as a scan target");
    }
}
