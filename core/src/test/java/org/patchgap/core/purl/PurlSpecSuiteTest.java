package org.patchgap.core.purl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.testing.SharedData;

/**
 * The purl-spec conformance suite ({@code purl-spec/tests/**}, schema purl-test 0.2), every test of every
 * type, through {@link Purl}: "parse" compares the decoded components, "validate" the canonical string of a
 * parsed purl, "build" the canonical string of a purl built from components; a test with
 * {@code expected_failure} must be refused. A test of the group "required" runs in {@link Purl.Mode#STRICT},
 * one of the group "recommended" (how to remediate common defects) in {@link Purl.Mode#LENIENT}, the mode
 * {@link PurlIdentity} uses.
 *
 * <p>The suite contradicts itself once: see {@link #CONTRADICTIONS}.
 */
class PurlSpecSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * "required" tests that contradict other "required" tests, by "file test_type input", with the reason. They
     * run in {@link Purl.Mode#LENIENT}, where they pass; docs/formats/purl.md ("Deliberate differences") and
     * {@code PurlTest.upperCaseQualifierKeysAreRefusedWhenStrictAndLowerCasedWhenLenient} document them.
     */
    static final Map<String, String> CONTRADICTIONS = Map.of(
            "maven-test.json parse pkg:Maven/org.apache.xmlgraphics/batik-anim@1.9.1?type=pom"
                    + "&repositorY_url=repo.spring.io/release",
            "accepts the upper-case qualifier key 'repositorY_url', while the required gem and rpm parse tests"
                    + " ('Platform=java', 'Arch=i386') must refuse upper-case keys");

    @Test
    void theContradictionsAreStillInTheSuite() throws IOException {
        List<String> keys = cases().stream().map(Case::key).toList();
        assertThat(keys).as("remove an entry from CONTRADICTIONS when the suite no longer has it")
                .containsAll(CONTRADICTIONS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyTestOfTheSuitePasses() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () ->
                assertThat(c.failure()).as(c.toString()).isNull()));
    }

    @Test
    void everyTypeOfTheSuiteHasItsRuleInTheTable() throws IOException {
        List<String> types = cases().stream().map(Case::type).filter(t -> !t.equals("specification")).distinct()
                .toList();
        assertThat(types).hasSizeGreaterThan(30);
        assertThat(PurlTypes.all().keySet()).containsAll(types);
    }

    /** Pass counts per type, printed so that conformance can be compared between versions. */
    @Test
    void passCountsPerType() throws IOException {
        Map<String, Map<Boolean, Long>> counts = cases().stream().collect(Collectors.groupingBy(Case::type,
                TreeMap::new, Collectors.partitioningBy(c -> c.failure() == null, Collectors.counting())));
        counts.forEach((type, byResult) -> System.out.printf("purl-spec %-18s %3d passed %3d failed%n", type,
                byResult.get(true), byResult.get(false)));
        assertThat(counts).isNotEmpty();
    }

    private static List<Case> cases() throws IOException {
        Path tests = SharedData.require("purl-spec/tests");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String type = name.equals("specification-test.json") ? "specification"
                        : name.substring(0, name.length() - "-test.json".length());
                int index = 0;
                for (JsonNode test : JSON.readTree(file.toFile()).path("tests")) {
                    cases.add(new Case(type, name + " #" + index++, test));
                }
            }
        }
        assertThat(cases).as("tests found under " + tests).hasSizeGreaterThan(500);
        return cases;
    }

    private record Case(String type, String where, JsonNode test) {

        /** What went wrong, or null when the test passes. */
        @Nullable String failure() {
            String kind = test.path("test_type").asText();
            boolean expectFailure = test.path("expected_failure").asBoolean(false);
            Purl.Mode mode = "recommended".equals(test.path("test_group").asText())
                    || CONTRADICTIONS.containsKey(key()) ? Purl.Mode.LENIENT : Purl.Mode.STRICT;
            JsonNode input = test.path("input");
            JsonNode expected = test.path("expected_output");
            String detail;
            try {
                detail = switch (kind) {
                    case "parse" -> components(Purl.parse(input.asText(), mode), expected);
                    case "validate" -> equal(Purl.parse(input.asText(), mode).canonical(), expected.asText());
                    case "build" -> equal(build(input, mode).canonical(), expected.asText());
                    default -> "unknown test_type " + kind;
                };
                if (expectFailure) {
                    return "expected a failure, got none";
                }
            } catch (MalformedPurlException e) {
                return expectFailure ? null : "threw " + e.getMessage();
            }
            return detail;
        }

        String key() {
            JsonNode input = test.path("input");
            return where.substring(0, where.indexOf(' ')) + " " + test.path("test_type").asText() + " "
                    + (input.isObject() ? input.toString() : input.asText());
        }

        @Override
        public String toString() {
            JsonNode input = test.path("input");
            return where + " " + test.path("test_group").asText() + " " + test.path("test_type").asText()
                    + (test.path("expected_failure").asBoolean(false) ? " (must fail) " : " ")
                    + (input.isObject() ? input.toString() : input.asText())
                    + (CONTRADICTIONS.containsKey(key()) ? " [run lenient: " + CONTRADICTIONS.get(key()) + "]" : "");
        }
    }

    private static @Nullable String components(Purl purl, JsonNode expected) {
        Map<String, String> qualifiers = new TreeMap<>();
        expected.path("qualifiers").properties().forEach(e -> qualifiers.put(e.getKey(), e.getValue().asText()));
        List<String> wrong = new ArrayList<>();
        compare(wrong, "type", purl.type(), text(expected, "type"));
        compare(wrong, "namespace", purl.namespace(), text(expected, "namespace"));
        compare(wrong, "name", purl.name(), text(expected, "name"));
        compare(wrong, "version", purl.version(), text(expected, "version"));
        compare(wrong, "subpath", purl.subpath(), text(expected, "subpath"));
        if (!purl.qualifiers().equals(qualifiers)) {
            wrong.add("qualifiers " + purl.qualifiers() + " != " + qualifiers);
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    private static Purl build(JsonNode input, Purl.Mode mode) throws MalformedPurlException {
        Map<String, String> qualifiers = null;
        if (input.path("qualifiers").isObject()) {
            qualifiers = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : input.path("qualifiers").properties()) {
                qualifiers.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        return Purl.of(text(input, "type"), text(input, "namespace"), text(input, "name"), text(input, "version"),
                qualifiers, text(input, "subpath"), mode);
    }

    private static void compare(List<String> wrong, String what, @Nullable String actual, @Nullable String expected) {
        if (!Objects.equals(actual, expected)) {
            wrong.add(what + " '" + actual + "' != '" + expected + "'");
        }
    }

    private static @Nullable String equal(String actual, String expected) {
        return actual.equals(expected) ? null : "'" + actual + "' != '" + expected + "'";
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
