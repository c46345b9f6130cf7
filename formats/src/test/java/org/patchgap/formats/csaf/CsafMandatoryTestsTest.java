package org.patchgap.formats.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our CSAF mandatory tests against OASIS's own test files: each failing file of a test we implement must fail that
 * test (it may fail others too), each valid file must pass every test; the OASIS examples in ../shared/data/csaf pass
 * too (skipped when absent). The failing files of the tests we do not implement (6.1.8, 6.1.11) are left out.
 */
class CsafMandatoryTestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = CsafMandatoryTestsTest.class.getResourceAsStream("/csaf/mandatory/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return JSON.readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> oasisTestFiles() throws IOException {
        JsonNode index = resource("testcases.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode test : index.path("tests")) {
            String id = test.path("id").asText();
            if (!test.path("group").asText().equals("mandatory")) continue;
            for (JsonNode failure : CsafMandatoryTests.IMPLEMENTED.contains(id) ? test.path("failures") : List.<JsonNode>of()) {
                String file = failure.path("name").asText().replace("mandatory/", "");
                tests.add(DynamicTest.dynamicTest(id + " fails " + file, () ->
                        assertThat(CsafMandatoryTests.check(resource(file))).as(file)
                                .extracting(CsafMandatoryTests.Violation::test).contains(id)));
            }
            for (JsonNode valid : test.path("valid")) {
                String file = valid.path("name").asText().replace("mandatory/", "");
                tests.add(DynamicTest.dynamicTest(id + " passes " + file, () ->
                        assertThat(CsafMandatoryTests.check(resource(file))).as(file).isEmpty()));
            }
        }
        assertThat(tests).hasSizeGreaterThan(140);
        return tests.stream();
    }

    @Test
    void theOasisExamplesPass() throws IOException {
        Path examples = Path.of("..", "..", "shared", "data", "csaf");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(examples),
                "../shared/data/csaf (the OASIS CSAF examples) is absent; skipped");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(CsafMandatoryTests.check(JSON.readTree(file.toFile()))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void aLanguageTagMustBeWellFormedAndNotReserved() {
        assertThat(CsafMandatoryTests.wellFormedLanguage("en")).isTrue();
        assertThat(CsafMandatoryTests.wellFormedLanguage("de-DE")).isTrue();
        assertThat(CsafMandatoryTests.wellFormedLanguage("EZ")).isFalse(); // well-formed, but no ISO 639-1 language
        assertThat(CsafMandatoryTests.wellFormedLanguage("qtx")).isFalse();
        assertThat(CsafMandatoryTests.wellFormedLanguage("x-private")).isFalse();
        assertThat(CsafMandatoryTests.wellFormedLanguage("en_US")).isFalse();
    }
}
