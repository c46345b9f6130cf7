package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.patchgap.formats.osv.OsvFixtures.fixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patchgap.core.testing.SharedData;

/**
 * Cross-checks our strictness with the OSV JSON schema (shared/data/schemas/osv/schema.json), validated by
 * Python's {@code jsonschema}: a single-record fixture reads without any problem exactly when the schema
 * accepts it. Runs one Python process for all fixtures; skips (fails in CI) when Python lacks jsonschema or
 * PyYAML.
 */
class OsvSchemaConformanceTest {

    private static final List<String> SINGLE_RECORD_FIXTURES = List.of(
            "one-record.json", "withdrawn.json", "aliases.json", "several-ranges.json", "last-affected.json",
            "limit.json", "git-range.json", "versions-list.json", "cvss-v3.json", "cvss-v2.json", "cvss-v4.json",
            "github-database-specific-severity.json", "affected-severity.json", "affected-v4-only.json",
            "summary-from-details.json", "summary-from-markdown-details.json", "long-details.json", "record.yaml",
            "bad-cvss.json", "bad-event.json", "bad-affected-entries.json", "missing-id.json", "bad-withdrawn.json");

    /** Reads each file (YAML with every scalar as text, as our reader does) and prints name, tab, verdict. */
    private static final String VALIDATOR = """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                with open(path) as f:
                    doc = yaml.load(f, Loader=yaml.BaseLoader) if path.endswith('.yaml') else json.load(f)
                errors = list(validator.iter_errors(doc))
                print(path.rsplit('/', 1)[-1] + '\\t' + ('valid' if not errors else 'invalid: ' + errors[0].message[:120]))
            """;

    @Test
    void aFixtureReadsWithoutProblemsExactlyWhenTheSchemaAcceptsIt() throws Exception {
        Path schema = SharedData.require("schemas/osv/schema.json");
        Map<String, String> verdicts = validate(schema);
        assertThat(verdicts.keySet()).containsExactlyInAnyOrderElementsOf(SINGLE_RECORD_FIXTURES);
        for (String name : SINGLE_RECORD_FIXTURES) {
            boolean clean = new OsvReader().read(fixture(name)).problems().isEmpty();
            assertThat(verdicts.get(name)).as(name + " reads " + (clean ? "cleanly" : "with problems"))
                    .startsWith(clean ? "valid" : "invalid");
        }
    }

    private static Map<String, String> validate(Path schema) throws IOException, InterruptedException {
        String python = pythonWithValidator();
        List<String> command = new ArrayList<>(List.of(python, "-c", VALIDATOR, schema.toString()));
        for (String name : SINGLE_RECORD_FIXTURES) {
            command.add(fixture(name).toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> verdicts = new HashMap<>();
        output.lines().map(l -> l.split("\t", 2)).forEach(p -> verdicts.put(p[0], p[1]));
        return verdicts;
    }

    private static String pythonWithValidator() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import jsonschema, yaml")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // try the next
            }
        }
        String message = "python3 with jsonschema and PyYAML not found (apt-get install python3-jsonschema python3-yaml)";
        if ("1".equals(System.getenv("PATCHGAP_REQUIRE_CANONICAL_TOOLS"))) {
            fail(message);
        }
        assumeTrue(false, message);
        throw new AssertionError("unreachable");
    }
}
