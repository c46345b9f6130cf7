package org.patchgap.formats.cyclonedx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.testing.SharedData;

/** CycloneDX's own VEX examples (CycloneDX/bom-examples VEX/, shared/data/sbom/cyclonedx/vex). */
class CycloneDxVexRealFilesTest {

    private final CycloneDxVexReader reader = new CycloneDxVexReader();

    @Test
    void theStandaloneVexNamesJacksonDatabindThroughABomLinkWhoseBomRefIsAPurl() throws Exception {
        ReadResult<Vulnerability> result = reader.read(SharedData.require("sbom/cyclonedx/vex/vex.json"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2020-25649");
            assertThat(v.aliases()).containsExactly("SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302");
            assertThat(v.notAffected()).singleElement().satisfies(s -> {
                assertThat(s.ecosystem()).isEqualTo("Maven");
                assertThat(s.name()).isEqualTo("com.fasterxml.jackson.core:jackson-databind");
                assertThat(s.versions()).containsExactly("2.10.0");
                assertThat(s.justification()).isEqualTo(NotAffectedStatement.Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH);
                assertThat(s.impactStatement()).startsWith("Automated dataflow analysis");
            });
        });
    }

    @Test
    void theUseCasesNameTheProductOnlyAndSayWhyNothingCanBeMatched() throws Exception {
        Path dir = SharedData.require("sbom/cyclonedx/vex/Use-Cases");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.getFileName().toString().equals("vex.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(13);
        for (Path file : files) {
            ReadResult<Vulnerability> result = reader.read(file);
            // "Acme Product" is metadata.component with a name only, or a BOM-Link into the product's own BOM:
            // a statement about a product, not a package (docs/formats/vex.md).
            assertThat(result.items()).as(file.toString()).allSatisfy(v -> assertThat(v.notAffected()).isEmpty());
            assertThat(result.problems()).as(file.toString()).hasSizeLessThanOrEqualTo(2);
        }
        ReadResult<Vulnerability> case11 = reader.read(dir.resolve("Case-11/vex.json"));
        assertThat(case11.problems()).extracting(Problem::message).containsExactly(
                "19 affects ref(s) name a component with neither purl nor CPE and cannot be matched, e.g. acme-product");
    }
}
