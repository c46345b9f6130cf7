package org.patchgap.formats.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Validates a JSON document against a JSON schema with Python's {@code jsonschema} (the draft the schema names;
 * {@code store} maps the URIs its {@code $ref}s name to local copies). Skips when no Python has jsonschema, fails
 * instead when PATCHGAP_REQUIRE_CANONICAL_TOOLS=1 (CI installs python3-jsonschema).
 */
final class JsonSchemaCheck {

    private static final String VALIDATOR = """
            import json, sys, warnings
            warnings.simplefilter('ignore')
            import jsonschema
            schema = json.load(open(sys.argv[1], encoding='utf-8'))
            store = {}
            for pair in sys.argv[3:]:
                uri, path = pair.split('=', 1)
                store[uri] = json.load(open(path, encoding='utf-8'))
            cls = jsonschema.validators.validator_for(schema)
            try:
                # jsonschema >= 4.18: a registry, each schema read in the draft it names (FIRST's are draft 4)
                from referencing import Registry, Resource
                from referencing.jsonschema import specification_with, DRAFT202012
                resources = []
                for uri, contents in store.items():
                    spec = specification_with(contents.get('$schema', ''), default=DRAFT202012)
                    resources.append((uri, Resource(contents=contents, specification=spec)))
                validator = cls(schema, registry=Registry().with_resources(resources))
            except ImportError:
                for contents in list(store.values()):
                    for key in ('$id', 'id'):  # its own refs resolve against its id (draft 4 spells it "id")
                        if isinstance(contents.get(key), str):
                            store[contents[key]] = contents
                resolver = jsonschema.RefResolver.from_schema(schema, store=store)
                validator = cls(schema, resolver=resolver)
            document = json.load(open(sys.argv[2], encoding='utf-8'))
            errors = ['/'.join(str(p) for p in e.absolute_path) + ': ' + e.message[:300]
                      for e in validator.iter_errors(document)]
            print(json.dumps(errors))
            """;


    private JsonSchemaCheck() {}

    /** The schema's complaints about {@code document}, each {@code path: message}; empty when it is valid. */
    static List<String> errors(Path schema, Map<String, Path> store, Path document) throws IOException, InterruptedException {
        String python = python();
        List<String> command = new ArrayList<>(List.of(python, "-c", VALIDATOR, schema.toString(), document.toString()));
        store.forEach((uri, path) -> command.add(uri + "=" + path));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) fail("jsonschema did not finish");
        if (p.exitValue() != 0) fail("jsonschema failed: " + out);
        List<String> errors = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(out)) errors.add(e.asText());
        return errors;
    }

    /** A test resource as a file path (the resources are a directory in the build). */
    static Path resource(String name) {
        try {
            return Path.of(JsonSchemaCheck.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }

    private static String python() throws InterruptedException {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import jsonschema").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) return python;
            } catch (IOException e) {
                // try the next
            }
        }
        String message = "python3 with jsonschema not found (apt-get install python3-jsonschema)";
        if ("1".equals(System.getenv("PATCHGAP_REQUIRE_CANONICAL_TOOLS"))) fail(message);
        Assumptions.abort(message);
        return null;
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
