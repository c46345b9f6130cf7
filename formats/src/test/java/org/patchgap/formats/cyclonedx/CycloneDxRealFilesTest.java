package org.patchgap.formats.cyclonedx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.testing.SharedData;

/**
 * Real CycloneDX files from shared/data (CycloneDX/bom-examples and the specification's 1.5 test BOMs),
 * compared with a plain Jackson walk written here for the purpose: every component object that carries a
 * purl must come out as exactly one component at the same JSON pointer (with its purl, or with a problem
 * when the purl is unusable).
 */
class CycloneDxRealFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CycloneDxReader reader = new CycloneDxReader();

    @Test
    void exampleSbomsReadCompletely() throws IOException, BadInputException {
        Path dir = SharedData.require("sbom/cyclonedx");
        List<Path> files = jsonFiles(dir);
        assertThat(files).isNotEmpty();
        int components = 0;
        for (Path file : files) {
            components += compareWithTreeWalk(file);
        }
        System.out.printf("CycloneDX examples: %d files, %d components with purl, all at their pointers%n",
                files.size(), components);
    }

    @Test
    void specificationTestBomsValidOnesReadInvalidOnesAreReported() throws IOException, BadInputException {
        Path dir = SharedData.require("sbom/cyclonedx-spec-tests/1.5");
        List<Path> files = jsonFiles(dir);
        List<String> invalidRejected = new ArrayList<>();
        List<String> invalidRead = new ArrayList<>();
        int valid = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith("valid-")) {
                compareWithTreeWalk(file); // must not throw
                valid++;
            } else {
                try {
                    compareWithTreeWalk(file);
                    invalidRead.add(name);
                } catch (BadInputException e) {
                    invalidRejected.add(name + " (" + e.getMessage().substring(file.toString().length()) + ")");
                }
            }
        }
        System.out.printf("CycloneDX 1.5 spec tests: %d valid read; invalid rejected %s; invalid read (schema"
                + " violations we do not need to refuse) %s%n", valid, invalidRejected, invalidRead);
        assertThat(valid).isGreaterThan(30);
        // The only invalid file that must be refused is the one that is not CycloneDX at all.
        assertThat(invalidRejected).singleElement().asString().startsWith("invalid-bomformat-1.5.json");
    }

    /** Returns the number of components with a purl, after checking them against our own tree walk. */
    private int compareWithTreeWalk(Path file) throws IOException, BadInputException {
        ReadResult<Target> result = reader.read(file);
        JsonNode root = JSON.readTree(file.toFile());
        Set<String> expected = new TreeSet<>();
        JsonNode subject = root.path("metadata").path("component");
        if (subject.isObject()) {
            if (subject.hasNonNull("purl")) {
                expected.add("/metadata/component");
            }
            purls(subject.path("components"), "/metadata/component/components", expected);
        }
        purls(root.path("components"), "/components", expected);

        Target target = result.items().get(0);
        Set<String> problemPlaces = new TreeSet<>(result.problems().stream().map(p -> p.location().place()).toList());
        Set<String> actual = new TreeSet<>();
        for (Component c : target.components()) {
            if (c.purl() != null || problemPlaces.contains(c.location().place())) {
                assertThat(actual.add(c.location().place())).as("one component per place").isTrue();
            }
        }
        assertThat(actual).as(file.getFileName() + ": places of components with a purl").isEqualTo(expected);
        for (Problem p : result.problems()) {
            assertThat(p.location().file()).isEqualTo(file.toString());
        }
        return expected.size();
    }

    private static void purls(JsonNode components, String pointer, Set<String> into) {
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            if (c.hasNonNull("purl")) {
                into.add(pointer + "/" + i);
            }
            purls(c.path("components"), pointer + "/" + i + "/components", into);
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
