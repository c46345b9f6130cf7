package org.patchgap.formats.spdx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReaders;
import org.patchgap.core.testing.SharedData;

/**
 * The spdx/spdx-examples documents (GPL-3.0, read from shared/data, never copied here): every package is a
 * component, each purl reference is kept, and the walker's reader choice picks the SPDX reader for them.
 */
class SpdxRealDocumentsTest {

    private final SpdxJsonReader reader = new SpdxJsonReader();

    @TestFactory
    Stream<DynamicTest> everyPackageOfEveryExampleIsAComponent() throws IOException {
        Path dir = SharedData.require("sbom/spdx");
        List<Path> documents;
        try (Stream<Path> files = Files.list(dir)) {
            documents = files.filter(f -> f.getFileName().toString().matches(".*\\.spdx2\\.[23]\\.json")).sorted().toList();
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(8);
        return documents.stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), () -> {
            JsonNode tree = new ObjectMapper().readTree(doc.toFile());
            ReadResult<Target> result = reader.read(doc);
            List<Component> components = result.items().get(0).components();
            assertThat(components).hasSize(tree.path("packages").size());
            assertThat(result.problems()).isEmpty();
            for (int i = 0; i < components.size(); i++) {
                JsonNode pkg = tree.path("packages").get(i);
                Component c = components.get(i);
                assertThat(c.location().place()).isEqualTo("/packages/" + i);
                boolean hasPurl = false;
                for (JsonNode ref : pkg.path("externalRefs")) {
                    hasPurl |= ref.path("referenceType").asText().equals("purl");
                }
                assertThat(c.purl() != null).as("purl of " + pkg.path("name")).isEqualTo(hasPurl);
                if (!hasPurl) {
                    assertThat(c.name()).isEqualTo(pkg.path("name").asText());
                }
            }
            assertThat(InventoryReaders.readerFor(doc)).get().isSameAs(InventoryReaders.all().stream()
                    .filter(r -> r.name().equals("spdx-json")).findFirst().orElseThrow());
        }));
    }

    @Test
    void theSpdx3ExampleGivesItsSixPackages() throws BadInputException, IOException {
        Path doc = SharedData.require("sbom/spdx/example8-examplemaven-0.0.1.spdx3.0.json");
        JsonNode graph = new ObjectMapper().readTree(doc.toFile()).path("@graph");
        List<String> expectedNames = new java.util.ArrayList<>();
        for (JsonNode element : graph) {
            if (element.path("type").asText().equals("software_Package")) {
                expectedNames.add(element.path("name").asText());
            }
        }
        ReadResult<Target> result = reader.read(doc);
        assertThat(expectedNames).hasSize(6);
        assertThat(result.items().get(0).components()).extracting(Component::name).containsExactlyElementsOf(expectedNames);
        assertThat(result.items().get(0).name()).isNotBlank();
    }

    @Test
    void aMavenPurlOfTheExamplesBecomesAMavenComponent() throws BadInputException {
        Path doc = SharedData.require("sbom/spdx/example11-sbom.spdx2.3.json");
        List<Component> components = reader.read(doc).items().get(0).components();
        assertThat(components).allSatisfy(c -> assertThat(c.ecosystem()).isNotNull());
    }
}
