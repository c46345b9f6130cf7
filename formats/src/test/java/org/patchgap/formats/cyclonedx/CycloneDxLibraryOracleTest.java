package org.patchgap.formats.cyclonedx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.Parser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.model.Component;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.testing.SharedData;

/**
 * cyclonedx-core-java 12.2.0, CycloneDX's own Java library, as the oracle for spec versions up to 1.6, which
 * it supports: on every fixture and example SBOM it must find the same purls, in the same order, as our
 * reader. For 1.7, which it does not support, a canary records the defect that ADR 0002 rests on.
 */
class CycloneDxLibraryOracleTest {

    private static final List<String> FIXTURES = List.of("spec-1.2.json", "spec-1.2.xml", "spec-1.3.json",
            "spec-1.3.xml", "spec-1.4.json", "spec-1.4.xml", "spec-1.5.json", "spec-1.5.xml", "spec-1.6.json",
            "spec-1.6.xml", "nested-components.json", "nested-components.xml", "no-purl.json",
            "unknown-purl-type.json", "empty-components.json", "container-image.cdx.json");

    // One parser of each kind for the class: each holds an ObjectMapper whose deserializer cache is costly to warm.
    private static final JsonParser LIBRARY_JSON = new JsonParser();
    private static final XmlParser LIBRARY_XML = new XmlParser();

    private final CycloneDxReader reader = new CycloneDxReader();

    @TestFactory
    Stream<DynamicTest> fixturesAgreeWithTheLibrary() {
        return FIXTURES.stream().map(name -> DynamicTest.dynamicTest(name,
                () -> assertAgrees(CycloneDxReaderTest.fixture(name))));
    }

    @Test
    void exampleSbomsAgreeWithTheLibrary() throws Exception {
        Path dir = SharedData.require("sbom/cyclonedx");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                assertAgrees(file);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> xmlFixturesAreValidAgainstTheOfficialSchema() {
        return Stream.of("1.2", "1.3", "1.4", "1.5", "1.6").map(v -> DynamicTest.dynamicTest("spec-" + v + ".xml", () -> {
            File file = CycloneDxReaderTest.fixture("spec-" + v + ".xml").toFile();
            assertThat(LIBRARY_XML.validate(file, Version.fromVersionString(v))).isEmpty();
        }));
    }

    /**
     * The canary of ADR 0002: cyclonedx-core-java 12.2.0 drops the nested component that follows 1.7's
     * {@code patentAssertions} and invents an empty one. When this fails, the library has learnt 1.7 and the
     * ADR's reasoning should be revisited.
     */
    @Test
    void theLibraryLosesNestedComponentsOfA17Bom() throws Exception {
        Path file = CycloneDxReaderTest.fixture("spec-1.7.json");
        List<String> library = libraryPurls(LIBRARY_JSON, file);
        List<String> ours = ourPurls(file);
        assertThat(ours).contains("pkg:npm/media-codec-core@4.2.0");
        assertThat(library).as("cyclonedx-core-java on a 1.7 BOM (if this fails, revisit ADR 0002)")
                .doesNotContain("pkg:npm/media-codec-core@4.2.0")
                .isNotEqualTo(ours);
    }

    private void assertAgrees(Path file) throws Exception {
        Parser parser = file.toString().endsWith(".xml") ? LIBRARY_XML : LIBRARY_JSON;
        assertThat(ourPurls(file)).as(file.getFileName() + ": purls, ours vs cyclonedx-core-java")
                .isEqualTo(libraryPurls(parser, file));
    }

    private List<String> ourPurls(Path file) throws Exception {
        return reader.read(file).items().get(0).components().stream()
                .map(Component::purl).filter(p -> p != null).toList();
    }

    /** The library's components in document order, the subject first, as canonical purls. */
    private static List<String> libraryPurls(Parser parser, Path file) throws Exception {
        Bom bom = parser.parse(file.toFile());
        List<String> purls = new ArrayList<>();
        if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
            org.cyclonedx.model.Component subject = bom.getMetadata().getComponent();
            add(purls, subject.getPurl());
            walk(subject.getComponents(), purls);
        }
        walk(bom.getComponents(), purls);
        return purls;
    }

    private static void walk(List<org.cyclonedx.model.Component> components, List<String> purls) {
        if (components == null) {
            return;
        }
        for (org.cyclonedx.model.Component c : components) {
            add(purls, c.getPurl());
            walk(c.getComponents(), purls);
        }
    }

    private static void add(List<String> purls, String purl) {
        if (purl == null || purl.isBlank()) {
            return;
        }
        try {
            purls.add(PurlIdentity.resolve(purl).purl());
        } catch (MalformedPurlException e) {
            // Our reader keeps no purl for these either.
        }
    }
}
