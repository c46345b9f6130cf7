package org.patchgap.core.purl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.PackageURL;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.patchgap.core.testing.SharedData;

/**
 * Runs the purl-spec conformance suite ({@code purl-spec/tests/**}, schema purl-test 0.2) through
 * packageurl-java the way {@link PurlIdentity} uses it: parse, and our canonical string ({@link EcosystemMapping#canonical}). Every test of a purl
 * type we map must pass, except the known failures listed in {@code purl/known-spec-failures.txt} (each
 * with its reason); failures of types we do not map are reported, not asserted: full conformance is a
 * separate piece of work.
 */
class PurlSpecSuiteTest {

    /** The purl types {@link EcosystemMapping} maps. */
    static final Set<String> MAPPED_TYPES = Set.of("maven", "npm", "pypi", "golang", "cargo", "nuget", "gem",
            "composer", "hex", "pub", "swift", "cran", "hackage", "github", "deb", "rpm", "apk");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void packageurlJavaPassesTheSuiteForTheTypesWeMap() throws IOException {
        Path tests = SharedData.require("purl-spec/tests");
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode test : JSON.readTree(file.toFile()).path("tests")) {
                    outcomes.add(run(file.getFileName().toString(), test));
                }
            }
        }
        List<Outcome> mapped = outcomes.stream().filter(o -> MAPPED_TYPES.contains(o.type())).toList();
        List<Outcome> others = outcomes.stream().filter(o -> !MAPPED_TYPES.contains(o.type())).toList();
        System.out.printf("purl-spec suite: %d tests; types we map: %d passed, %d failed; other types: %d passed,"
                        + " %d failed%n", outcomes.size(), count(mapped, true), count(mapped, false),
                count(others, true), count(others, false));
        others.stream().filter(o -> !o.passed()).collect(java.util.stream.Collectors.groupingBy(Outcome::type,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .forEach((type, n) -> System.out.println("  failing, type not mapped: " + type + " " + n));
        mapped.stream().filter(o -> !o.passed()).forEach(o -> System.out.println("  failing, mapped: " + o));

        List<String> known = PurlIdentityTest.lines("/purl/known-spec-failures.txt").stream()
                .map(l -> l.split("\\s+#\\s", 2)[0].strip()).toList();
        List<String> unexpected = mapped.stream().filter(o -> !o.passed()).map(Outcome::key)
                .filter(k -> !known.contains(k)).toList();
        assertThat(outcomes).as("tests found under " + tests).hasSizeGreaterThan(100);
        assertThat(unexpected).as("failures of mapped types not in known-spec-failures.txt").isEmpty();
        List<String> fixed = known.stream().filter(k -> mapped.stream().anyMatch(o -> o.key().equals(k) && o.passed()))
                .toList();
        assertThat(fixed).as("known failures that now pass: remove them from known-spec-failures.txt").isEmpty();
    }

    private static long count(List<Outcome> outcomes, boolean passed) {
        return outcomes.stream().filter(o -> o.passed() == passed).count();
    }

    private static Outcome run(String file, JsonNode test) {
        String kind = test.path("test_type").asText();
        boolean expectFailure = test.path("expected_failure").asBoolean(false);
        JsonNode input = test.path("input");
        String description = test.path("description").asText();
        String type = input.isObject() ? text(input, "type") : typeOf(input.asText());
        String key = file + " | " + kind + " | " + (input.isObject() ? input.toString() : input.asText());
        String detail;
        try {
            detail = switch (kind) {
                case "parse" -> parse(input.asText(), test.path("expected_output"));
                case "validate" -> equal(EcosystemMapping.canonical(new PackageURL(input.asText())), test.path("expected_output").asText());
                case "build" -> equal(EcosystemMapping.canonical(build(input)), test.path("expected_output").asText());
                default -> "unknown test_type " + kind;
            };
            if (expectFailure) {
                detail = "expected a failure, got none";
            }
        } catch (Exception e) {
            detail = expectFailure ? null : "threw " + e;
        }
        return new Outcome(type == null ? "" : type.toLowerCase(java.util.Locale.ROOT), key, description, detail);
    }

    private static @Nullable String parse(String input, JsonNode expected) throws Exception {
        PackageURL purl = new PackageURL(input);
        Map<String, String> qualifiers = new TreeMap<>();
        expected.path("qualifiers").properties().forEach(e -> qualifiers.put(e.getKey(), e.getValue().asText()));
        Map<String, String> actualQualifiers = purl.getQualifiers() == null ? Map.of() : new TreeMap<>(purl.getQualifiers());
        List<String> wrong = new ArrayList<>();
        compare(wrong, "type", purl.getType(), text(expected, "type"));
        compare(wrong, "namespace", purl.getNamespace(), text(expected, "namespace"));
        compare(wrong, "name", purl.getName(), text(expected, "name"));
        compare(wrong, "version", purl.getVersion(), text(expected, "version"));
        compare(wrong, "subpath", purl.getSubpath(), text(expected, "subpath"));
        if (!actualQualifiers.equals(qualifiers)) {
            wrong.add("qualifiers " + actualQualifiers + " != " + qualifiers);
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong);
    }

    private static PackageURL build(JsonNode input) throws Exception {
        TreeMap<String, String> qualifiers = null;
        if (input.path("qualifiers").isObject()) {
            qualifiers = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : input.path("qualifiers").properties()) {
                qualifiers.put(e.getKey(), e.getValue().asText());
            }
        }
        return new PackageURL(text(input, "type"), text(input, "namespace"), text(input, "name"),
                text(input, "version"), qualifiers, text(input, "subpath"));
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

    /** The type of a purl string, read leniently so that malformed inputs are still counted under their type. */
    private static @Nullable String typeOf(String purl) {
        String rest = purl.regionMatches(true, 0, "pkg:", 0, 4) ? purl.substring(4) : purl;
        rest = rest.replaceFirst("^/+", "");
        int end = rest.indexOf('/');
        return end < 0 ? null : rest.substring(0, end);
    }

    private record Outcome(String type, String key, String description, @Nullable String failure) {

        boolean passed() {
            return failure == null;
        }

        @Override
        public String toString() {
            return key + " (" + description + "): " + failure;
        }
    }
}
