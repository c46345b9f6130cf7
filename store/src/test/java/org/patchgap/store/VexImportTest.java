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
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryFileKind;

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
        assertThat(DatabaseImporter.kindOf(openVex)).isEqualTo(AdvisoryFileKind.OPENVEX);
        assertThat(DatabaseImporter.kindOf(cdx)).isEqualTo(AdvisoryFileKind.CYCLONEDX_VEX);

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
    void aDirectoryIsOneSourceWithEachFileReadAsItsContentSays() throws Exception {
        Path mirror = Files.createDirectories(inputs.resolve("mirror"));
        Files.writeString(mirror.resolve("GHSA-aaaa-bbbb-cccc.json"), """
                {"id": "GHSA-aaaa-bbbb-cccc", "modified": "2024-02-01T00:00:00Z", "aliases": ["CVE-2024-0001"],
                 "affected": [{"package": {"ecosystem": "npm", "name": "left-pad"},
                               "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.0.1"}]}]}]}
                """);
        Files.writeString(mirror.resolve("vendor.openvex.json"), OPENVEX);
        Files.writeString(mirror.resolve("vex.cdx.json"), CYCLONEDX_VEX);
        Files.writeString(mirror.resolve("README.md"), "# a mirror of several feeds\n");
        Files.copy(AtomicityTest.resource("kev.json"), mirror.resolve("kev.json"));

        UpdateReport report = new DatabaseImporter(dir).importPaths(List.of(mirror), ProgressListener.NONE);

        SourceOutcome outcome = report.sources().get(0);
        assertThat(outcome.name()).isEqualTo("import:" + mirror.toAbsolutePath().normalize());
        assertThat(outcome.records()).isEqualTo(3); // the OSV record, the OpenVEX record, the CycloneDX VEX record
        assertThat(outcome.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("a KEV file inside a directory is not imported");
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            assertThat(db.vulnerabilitiesFor(Map.of("npm", List.of("left-pad"))))
                    .extracting(Vulnerability::id).containsExactlyInAnyOrder("GHSA-aaaa-bbbb-cccc", "CVE-2024-0001");
            assertThat(db.status().kevEntries()).isZero();
        }
    }

    @Test
    void microsoftUpdatesAreRefusedByName() throws Exception {
        Path cvrf = Files.copy(AtomicityTest.resource("msrc/2017-Mar.xml"), inputs.resolve("2017-Mar.xml"));
        assertThatThrownBy(() -> importer().importPaths(List.of(cvrf), ProgressListener.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("Microsoft security updates are not kept in the database");
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
