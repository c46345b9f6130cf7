package org.patchgap.core.purl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.purl.PurlTypeRule.NameRule;
import org.patchgap.core.testing.SharedData;

/**
 * {@link PurlTypes}' table agrees with the type definitions of package-url/purl-spec
 * ({@code purl-spec/types/<type>-definition.json}): namespace requirement, case sensitivity, permitted
 * characters, required qualifiers, name normalisation. The deliberate differences are named here and in
 * docs/formats/purl.md.
 */
class PurlTypeTableTest {

    /** git: the definition says case-sensitive, the suite's git-test.json lower-cases namespace and name. */
    private static final Set<String> CASE_AS_THE_SUITE_TESTS = Set.of("git");

    /** pub: permitted_characters "^[a-z0-9_]"; the pub name rule already yields only those characters. */
    private static final Set<String> PERMITTED_BY_NORMALISATION = Set.of("pub");

    /**
     * hackage: "Apply kebab-case" describes how Hackage names are written (AC-HalfInteger); the suite keeps
     * such names as they are, so there is nothing to apply.
     */
    private static final Set<String> NORMALISATION_DESCRIBES_THE_NAME = Set.of("hackage");

    /** mlflow: no normalization_rules, but the name note says Databricks names are lower-cased. */
    private static final Set<String> NAME_RULE_FROM_THE_NOTE = Set.of("mlflow");

    /**
     * golang: the definition requires a namespace, but Go module paths of one element ({@code tailscale.com},
     * {@code honnef.co}) are valid, SBOM generators write {@code pkg:golang/tailscale.com@v1.34.0}, and Go advisories
     * name such modules; refusing them missed their advisories (issue 14). The suite has no test of it.
     */
    private static final Set<String> NAMESPACE_OPTIONAL_FOR_REAL_MODULES = Set.of("golang");

    @TestFactory
    Stream<DynamicTest> everyDefinitionAgreesWithTheTable() throws IOException {
        Path types = SharedData.require("purl-spec/types");
        List<Path> files;
        try (Stream<Path> list = Files.list(types)) {
            files = list.filter(f -> f.toString().endsWith("-definition.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        ObjectMapper json = new ObjectMapper();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> agree(json.readTree(file.toFile()))));
    }

    private static void agree(JsonNode definition) {
        String type = definition.path("type").asText();
        assertThat(PurlTypes.all()).as("table has %s", type).containsKey(type);
        PurlTypeRule rule = PurlTypes.rule(type);
        JsonNode namespace = definition.path("namespace_definition");
        JsonNode name = definition.path("name_definition");
        JsonNode version = definition.path("version_definition");
        assertThat(rule.namespace().name().toLowerCase(Locale.ROOT)).as("namespace requirement")
                .isEqualTo(NAMESPACE_OPTIONAL_FOR_REAL_MODULES.contains(type) ? "optional"
                        : namespace.path("requirement").asText());
        if (CASE_AS_THE_SUITE_TESTS.contains(type)) {
            assertThat(rule.lowerNamespace() && rule.lowerName()).as("git lower-cases as the suite does").isTrue();
        } else {
            assertThat(rule.lowerNamespace()).as("namespace lower-cased").isEqualTo(caseInsensitive(namespace));
            assertThat(rule.lowerName()).as("name lower-cased").isEqualTo(caseInsensitive(name));
        }
        assertThat(rule.lowerVersion()).as("version lower-cased").isEqualTo(caseInsensitive(version));
        if (!PERMITTED_BY_NORMALISATION.contains(type)) {
            assertThat(pattern(rule.permittedName())).as("name permitted_characters")
                    .isEqualTo(unanchored(name.path("permitted_characters")));
        }
        assertThat(pattern(rule.permittedVersion())).as("version permitted_characters")
                .isEqualTo(unanchored(version.path("permitted_characters")));
        Set<String> required = new HashSet<>();
        definition.path("qualifiers_definition").forEach(q -> {
            if ("required".equals(q.path("requirement").asText())) {
                required.add(q.path("key").asText());
            }
        });
        assertThat(rule.requiredQualifiers()).as("required qualifiers").isEqualTo(required);
        boolean normalises = name.path("normalization_rules").size() > 0
                && !NORMALISATION_DESCRIBES_THE_NAME.contains(type) || NAME_RULE_FROM_THE_NOTE.contains(type);
        assertThat(rule.nameRule() != NameRule.NONE).as("name normalisation_rules applied").isEqualTo(normalises);
    }

    private static boolean caseInsensitive(JsonNode component) {
        return component.path("case_sensitive").isBoolean() && !component.path("case_sensitive").asBoolean();
    }

    private static @Nullable String pattern(@Nullable Pattern pattern) {
        return pattern == null ? null : pattern.pattern();
    }

    /** The table's patterns match the whole value, so the definitions' ^...$ anchors are left off. */
    private static @Nullable String unanchored(JsonNode permitted) {
        if (permitted.isMissingNode() || permitted.isNull()) {
            return null;
        }
        return permitted.asText().replaceFirst("^\\^", "").replaceFirst("\\$$", "");
    }
}
