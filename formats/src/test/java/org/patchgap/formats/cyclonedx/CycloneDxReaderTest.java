package org.patchgap.formats.cyclonedx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReaders;

/**
 * One row per fixture in {@code src/test/resources/cyclonedx}: whether the reader takes the file, and what
 * comes out of it: the target, each component as {@code "<ecosystem> <name> <version> @ <place>"} ({@code -}
 * for none), each problem as {@code "<place>: <words of the message>"}; or the bad-input error.
 */
class CycloneDxReaderTest {

    private final CycloneDxReader reader = new CycloneDxReader();

    @TestFactory
    Stream<DynamicTest> caseTable() {
        List<Case> cases = new ArrayList<>();
        // Every spec version, in JSON and in XML, reads to the same components.
        both(cases, "spec-1.2", "billing@2.0.0", Target.Kind.APPLICATION,
                List.of("Maven org.example:billing 2.0.0 @ /metadata/component",
                        "Maven org.apache.logging.log4j:log4j-core 2.14.1 @ /components/0",
                        "npm @angular/core 12.3.1 @ /components/1"), List.of());
        both(cases, "spec-1.3", "shop@1.3.0", Target.Kind.APPLICATION,
                List.of("PyPI django 3.2.4 @ /components/0",
                        "PyPI requests 2.25.1 @ /components/1"), List.of());
        both(cases, "spec-1.4", "gateway@0.9.0", Target.Kind.APPLICATION,
                List.of("Go golang.org/x/net v0.17.0 @ /components/0",
                        "crates.io tokio 1.28.0 @ /components/1"), List.of());
        both(cases, "spec-1.5", "registry.example.com/web@2024.1", Target.Kind.IMAGE,
                List.of("- debian 12.5 @ /components/0",
                        "Debian:12 openssl 3.0.11-1~deb12u2 @ /components/1",
                        "Alpine:v3.20 busybox 1.36.1-r29 @ /components/2"), List.of());
        both(cases, "spec-1.6", "payments@5.1.0", Target.Kind.APPLICATION,
                List.of("NuGet Newtonsoft.Json 12.0.1 @ /components/0",
                        "Red Hat openssl 1:1.1.1k-7.el8 @ /components/1",
                        "- AES-128-GCM - @ /components/2"), List.of());
        // 1.7: patentAssertions, citations, isExternal and versionRange do not disturb the walk (ADR 0002).
        both(cases, "spec-1.7", "ledger@7.0.0", Target.Kind.APPLICATION,
                List.of("npm media-codec 4.2.0 @ /components/0",
                        "npm media-codec-core 4.2.0 @ /components/0/components/0",
                        "npm node-runtime-shim - @ /components/1",
                        "npm lodash 4.17.20 @ /components/2"), List.of());
        both(cases, "nested-components", "portal@3.0.0", Target.Kind.APPLICATION,
                List.of("Maven com.example:portal 3.0.0 @ /metadata/component",
                        "Maven com.example:portal-ui 3.0.0 @ /metadata/component/components/0",
                        "Maven org.springframework.boot:spring-boot 2.5.0 @ /components/0",
                        "Maven org.springframework:spring-core 5.3.7 @ /components/0/components/0",
                        "Maven org.springframework:spring-jcl 5.3.7 @ /components/0/components/0/components/0",
                        "Maven org.yaml:snakeyaml 1.28 @ /components/0/components/1",
                        "Maven com.fasterxml.jackson.core:jackson-databind 2.12.3 @ /components/1"), List.of());
        cases.add(Case.ok("no-purl.json", "no-purl.json", Target.Kind.APPLICATION,
                List.of("- internal-lib 1.0 @ /components/0",
                        "- bootloader 2024.04 @ /components/1",
                        "npm lodash 4.17.20 @ /components/2"), List.of()));
        cases.add(Case.ok("bad-purl.json", "bad-purl.json", Target.Kind.APPLICATION,
                List.of("- lodash 4.17.20 @ /components/0",
                        "- log4j-core 2.14.1 @ /components/1",
                        "npm express 4.17.1 @ /components/2"),
                List.of("/components/0: malformed purl 'npm/lodash@4.17.20'",
                        "/components/1: malformed purl 'pkg:maven/log4j-core@2.14.1': a maven purl requires a namespace")));
        cases.add(Case.ok("unknown-purl-type.json", "unknown-purl-type.json", Target.Kind.APPLICATION,
                List.of("- openssl 3.0.0 @ /components/0",
                        "- nginx 1.25 @ /components/1",
                        "- curl 7.50.3-1.fc25 @ /components/2",
                        "RubyGems rails 6.1.0 @ /components/3"),
                List.of("/components/0: purl type 'generic' has no OSV ecosystem",
                        "/components/1: purl type 'docker' has no OSV ecosystem",
                        "/components/2: rpm namespace 'fedora' has no OSV ecosystem")));
        cases.add(Case.ok("component-not-object.json", "component-not-object.json", Target.Kind.APPLICATION,
                List.of("npm express 4.17.1 @ /components/1"),
                List.of("/components/0: expected a component object, found a string",
                        "/components/2: neither a name nor a purl")));
        cases.add(Case.ok("empty-components.json", "empty-app@0.1.0", Target.Kind.APPLICATION, List.of(), List.of()));
        cases.add(Case.ok("container-image.cdx.json", "docker.io/library/alpine@3.20.3", Target.Kind.IMAGE,
                List.of("- alpine 3.20.3 @ /components/0",
                        "Alpine:v3.20 musl 1.2.5-r0 @ /components/1",
                        "Alpine:v3.20 openssl 3.3.2-r0 @ /components/2"), List.of()));
        cases.add(Case.ok("xml-extensions.xml", "xml-extensions.xml", Target.Kind.APPLICATION,
                List.of("npm lodash 4.17.20 @ /bom/components/component[1]",
                        "npm express 4.17.1 @ /bom/components/component[2]"), List.of()));
        // Input that cannot be used at all.
        cases.add(Case.bad("not-json.cdx.json", true, "line 1", "expected a CycloneDX BOM: JSON starting with"));
        cases.add(Case.bad("truncated.json", true, "line 27, column 4", "malformed JSON: Unexpected end-of-input"));
        cases.add(Case.bad("empty.cdx.json", true, null, "empty file"));
        cases.add(Case.bad("components-not-array.json", true, "/components", "expected an array of components"));
        cases.add(Case.bad("wrong-bomformat.cdx.json", false, "/bomFormat", "expected \"CycloneDX\", found \"SPDX\""));
        cases.add(Case.bad("not-cyclonedx.json", false, "/bomFormat", "expected \"CycloneDX\", found nothing"));
        cases.add(Case.bad("not-json.txt", false, "line 1", "expected a CycloneDX BOM"));
        cases.add(Case.bad("xml-malformed.cdx.xml", true, "line 9, column 5", "malformed XML"));
        cases.add(Case.bad("xml-doctype.xml", true, "line 2", "DOCTYPE is disallowed"));
        cases.add(Case.bad("xml-not-cyclonedx.xml", false, "/project", "expected the CycloneDX root element"));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.fixture(), () -> check(c)));
    }

    private static void both(List<Case> cases, String base, String target, Target.Kind kind, List<String> components,
            List<String> problems) {
        cases.add(Case.ok(base + ".json", target, kind, components, problems));
        cases.add(Case.ok(base + ".xml", target, kind, components.stream().map(CycloneDxReaderTest::xmlPlace).toList(),
                problems.stream().map(CycloneDxReaderTest::xmlPlace).toList()));
    }

    /** {@code /components/1/components/0} to {@code /bom/components/component[2]/components/component[1]}. */
    static String xmlPlace(String line) {
        int at = line.lastIndexOf(" @ ");
        String pointer = line.substring(at + 3);
        StringBuilder path = new StringBuilder("/bom");
        String[] steps = pointer.substring(1).split("/");
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].equals("components")) {
                path.append("/components/component[").append(Integer.parseInt(steps[++i]) + 1).append(']');
            } else {
                path.append('/').append(steps[i]);
            }
        }
        return line.substring(0, at + 3) + path;
    }

    private void check(Case c) throws Exception {
        Path file = fixture(c.fixture());
        assertThat(reader.accepts(file, head(file))).as("accepts").isEqualTo(c.accepted());
        if (c.error() != null) {
            assertThatThrownBy(() -> reader.read(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c.error());
            if (c.place() != null) {
                BadInputException e = catchBad(file);
                assertThat(e.location().place()).as("place").startsWith(c.place());
            }
            return;
        }
        ReadResult<Target> result = reader.read(file);
        assertThat(result.items()).hasSize(1);
        Target target = result.items().get(0);
        assertThat(target.name()).as("target name").isEqualTo(c.target());
        assertThat(target.kind()).as("target kind").isEqualTo(c.kind());
        assertThat(target.source()).isEqualTo(file.toString());
        assertThat(target.components().stream().map(CycloneDxReaderTest::describe).toList())
                .as("components").containsExactlyElementsOf(c.components());
        assertThat(target.components()).allSatisfy(k -> assertThat(k.location().file()).isEqualTo(file.toString()));
        assertThat(result.problems()).as("problems").hasSameSizeAs(c.problems());
        for (int i = 0; i < c.problems().size(); i++) {
            String[] expected = c.problems().get(i).split(": ", 2);
            assertThat(result.problems().get(i).location().place()).isEqualTo(expected[0]);
            assertThat(result.problems().get(i).message()).contains(expected[1]);
        }
    }

    private BadInputException catchBad(Path file) {
        try {
            reader.read(file);
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("expected bad input: " + file);
    }

    static String describe(Component c) {
        return (c.ecosystem() == null ? "-" : c.ecosystem()) + " " + c.name() + " "
                + (c.version() == null ? "-" : c.version()) + " @ " + c.location().place();
    }

    @Test
    void canonicalPurlIsKeptOnEachComponent() throws Exception {
        Target target = reader.read(fixture("spec-1.2.json")).items().get(0);
        assertThat(target.components()).extracting(Component::purl).containsExactly(
                "pkg:maven/org.example/billing@2.0.0",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                "pkg:npm/%40angular/core@12.3.1");
    }

    @Test
    void componentCpesAreKeptInBothSerialisations() throws Exception {
        for (String name : List.of("cpe-components.json", "cpe-components.xml")) {
            ReadResult<Target> result = reader.read(fixture(name));
            List<Component> components = result.items().get(0).components();
            // The BOM's subject is listed too: it has a CPE (a device's firmware can be the vulnerable product).
            assertThat(components).as(name).extracting(Component::cpe).containsExactly(
                    "cpe:2.3:o:example:edge_os:5.2:*:*:*:*:*:*:*",
                    "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*",
                    "cpe:/o:cisco:ios:12.2%281%29",
                    "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*",
                    null);
            assertThat(components.get(1).ecosystem()).isNull();
            assertThat(components.get(3).ecosystem()).isEqualTo("Maven");
            assertThat(result.items().get(0).name()).isEqualTo("edge-os@5.2");
            assertThat(result.problems()).as(name).singleElement().satisfies(p -> {
                assertThat(p.message()).contains("malformed CPE 'cpe:2.3:a:vendor'").endsWith("; CPE ignored");
                assertThat(p.location().place()).isIn("/components/3", "/bom/components/component[4]");
            });
        }
    }

    @Test
    void theRegistryChoosesThisReaderForEveryCycloneDxFixture() throws Exception {
        for (String name : List.of("spec-1.2.json", "spec-1.7.xml", "truncated.json", "xml-malformed.cdx.xml")) {
            assertThat(InventoryReaders.readerFor(fixture(name))).as(name).containsInstanceOf(CycloneDxReader.class);
        }
        assertThat(InventoryReaders.readerFor(fixture("not-cyclonedx.json"))).isEmpty();
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir.resolve("bom.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no such file");
    }

    @Test
    void bomFormatBeyondTheHeadIsFoundByTheConventionalFileName(@TempDir Path dir) throws Exception {
        String padding = "\"x\": \"" + "a".repeat(5000) + "\", ";
        Path file = Files.writeString(dir.resolve("bom.json"), "{" + padding
                + "\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": []}");
        assertThat(reader.accepts(file, head(file))).isTrue();
        assertThat(reader.read(file).items()).hasSize(1);
        Path other = Files.writeString(dir.resolve("other.json"), Files.readString(file));
        assertThat(reader.accepts(other, head(other))).isFalse();
    }

    @Test
    void deeplyNestedXmlComponentsStopAtTheDepthLimitWithAProblem(@TempDir Path dir) throws Exception {
        int levels = XmlBom.MAX_DEPTH + 5;
        StringBuilder xml = new StringBuilder("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components>");
        for (int i = 0; i < levels; i++) {
            xml.append("<component type=\"library\"><name>c").append(i).append("</name><purl>pkg:npm/c").append(i)
                    .append("@1.0</purl><components>");
        }
        xml.append("</components></component>".repeat(levels)).append("</components></bom>");
        Path file = Files.writeString(dir.resolve("deep.cdx.xml"), xml);
        ReadResult<Target> result = reader.read(file);
        assertThat(result.items().get(0).components()).hasSize(XmlBom.MAX_DEPTH + 1);
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("nested deeper"));
    }

    @Test
    void aSpecVersionThatIsNot1xIsReadWithAProblem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bom.json"),
                "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"2.0\", \"components\": ["
                        + "{\"type\": \"library\", \"name\": \"lodash\", \"purl\": \"pkg:npm/lodash@4.17.20\"}]}");
        ReadResult<Target> result = reader.read(file);
        assertThat(result.items().get(0).components()).hasSize(1);
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("/specVersion", "\"2.0\""));
    }

    static Path fixture(String name) throws URISyntaxException {
        var url = CycloneDxReaderTest.class.getResource("/cyclonedx/" + name);
        assertThat(url).as("fixture " + name).isNotNull();
        return Path.of(url.toURI());
    }

    static byte[] head(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(InventoryReaders.HEAD_BYTES);
        }
    }

    record Case(String fixture, boolean accepted, String target, Target.Kind kind, List<String> components,
            List<String> problems, String place, String error) {

        static Case ok(String fixture, String target, Target.Kind kind, List<String> components, List<String> problems) {
            return new Case(fixture, true, target, kind, components, problems, null, null);
        }

        static Case bad(String fixture, boolean accepted, String place, String error) {
            return new Case(fixture, accepted, null, null, List.of(), List.of(), place, error);
        }
    }
}
