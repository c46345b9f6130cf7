package org.patchgap.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;

/**
 * The case table of every inventory reader, kept as files: {@code readers/<family>/<reader name>/<scenario>.<ext>}
 * is read by the reader of that name and must give exactly what {@code <scenario>.<ext>.expected} lists, one line
 * per item:
 * <pre>
 * component | npm | lodash | 4.17.21 | pkg:npm/lodash@4.17.21 | /packages/node_modules~1lodash
 * problem | line 3 | not pinned
 * error | line 3 | expected a yarn.lock entry header
 * </pre>
 * A component line gives ecosystem, name, version, purl and place ({@code -} for none), in order; a problem line
 * gives the place and a part of the message, in order; an error line says the whole file is bad input.
 */
class ReaderCasesTest {

    private static final Map<String, InventoryReader> READERS = InventoryReaders.all().stream()
            .collect(Collectors.toMap(InventoryReader::name, Function.identity()));

    @TestFactory
    Stream<DynamicNode> everyFixtureReadsAsExpected() throws IOException, URISyntaxException {
        Path base = Path.of(ReaderCasesTest.class.getResource("/readers").toURI());
        List<DynamicNode> families = new ArrayList<>();
        try (Stream<Path> familyDirs = Files.list(base).sorted()) {
            for (Path family : familyDirs.filter(Files::isDirectory).toList()) {
                List<DynamicNode> readers = new ArrayList<>();
                try (Stream<Path> readerDirs = Files.list(family).sorted()) {
                    for (Path readerDir : readerDirs.filter(Files::isDirectory).toList()) {
                        String name = readerDir.getFileName().toString();
                        InventoryReader reader = READERS.get(name);
                        if (reader == null) {
                            fail("fixture folder " + readerDir + " names no registered reader");
                        }
                        List<DynamicTest> cases;
                        try (Stream<Path> fixtures = Files.list(readerDir).sorted()) {
                            // An os-release file is the context of rpm -qa output beside it, not a case.
                            cases = fixtures.filter(f -> !f.toString().endsWith(".expected") && !f.toString().endsWith(".md"))
                                    .filter(f -> !f.getFileName().toString().equals("os-release"))
                                    .filter(f -> Files.isRegularFile(f))
                                    .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(reader, f)))
                                    .toList();
                        }
                        readers.add(DynamicContainer.dynamicContainer(name, cases));
                    }
                }
                families.add(DynamicContainer.dynamicContainer(family.getFileName().toString(), readers));
            }
        }
        return families.stream();
    }

    private static void check(InventoryReader reader, Path fixture) throws Exception {
        Path expectedFile = fixture.resolveSibling(fixture.getFileName() + ".expected");
        assertThat(expectedFile).as("expected results beside the fixture").exists();
        List<String[]> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\\s*\\|\\s*", -1))
                .toList();
        if (!expected.isEmpty() && expected.get(0)[0].equals("error")) {
            String[] error = expected.get(0);
            assertThatThrownBy(() -> reader.read(fixture))
                    .isInstanceOf(BadInputException.class)
                    .satisfies(e -> {
                        BadInputException bad = (BadInputException) e;
                        assertThat(bad.location().file()).isEqualTo(fixture.toString());
                        assertThat(String.valueOf(bad.location().place())).isEqualTo(error[1].equals("-") ? "null" : error[1]);
                        assertThat(bad.getMessage()).contains(error[2]);
                    });
            return;
        }
        ReadResult<Target> result = reader.read(fixture);
        List<String> components = new ArrayList<>();
        for (Target target : result.items()) {
            for (Component c : target.components()) {
                // A requirements include is read where it stands: its components name their own file.
                assertThat(Path.of(c.location().file()).getParent()).isEqualTo(fixture.getParent());
                components.add(String.join(" | ", "component", dash(c.ecosystem()), c.name(), dash(c.version()),
                        dash(c.purl()), dash(c.location().place())));
            }
        }
        List<String> expectedComponents = expected.stream().filter(e -> e[0].equals("component"))
                .map(e -> String.join(" | ", e)).toList();
        assertThat(components).as("components of " + fixture.getFileName()).containsExactlyElementsOf(expectedComponents);
        List<String[]> expectedProblems = expected.stream().filter(e -> e[0].equals("problem")).toList();
        List<Problem> problems = result.problems();
        assertThat(problems).as("problems of " + fixture.getFileName()).hasSize(expectedProblems.size());
        for (int i = 0; i < problems.size(); i++) {
            assertThat(dash(problems.get(i).location().place())).as("place of problem " + i).isEqualTo(expectedProblems.get(i)[1]);
            assertThat(problems.get(i).message()).as("problem " + i).contains(expectedProblems.get(i)[2]);
        }
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
