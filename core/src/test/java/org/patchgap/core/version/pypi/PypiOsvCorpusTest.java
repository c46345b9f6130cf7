package org.patchgap.core.version.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import org.patchgap.core.testing.SharedData;

/**
 * Every version string of the PyPA advisory database (shared/data/osv/pypa: {@code affected[].versions} and the
 * events of ECOSYSTEM ranges) checked against packaging: validity, normalised text, and the order of the whole set
 * (through its neighbours in our order). Skips when the data set is absent.
 */
class PypiOsvCorpusTest {

    private static final Pattern VERSIONS_KEY = Pattern.compile("^(\\s*)versions:\\s*$");
    private static final Pattern TYPE = Pattern.compile("^\\s*-?\\s*type:\\s*(\\S+)\\s*$");
    private static final Pattern EVENT = Pattern.compile("^\\s*-\\s*(introduced|fixed|last_affected|limit):\\s*(.+)$");

    @Example
    void everyVersionOfTheAdvisoryDatabaseAgreesWithPackaging() {
        Path vulns = SharedData.require("osv/pypa/vulns");
        Set<String> versions = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(vulns)) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> collect(f, versions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(versions).as("versions found under %s", vulns).hasSizeGreaterThan(1000);

        PypiDifferentialTest.Result result = PypiDifferentialTest.check(new ArrayList<>(versions), 1000);
        System.out.printf("PyPI OSV corpus against %s: %d distinct strings (%d valid), %d pairs%n",
                result.tool(), result.batch().strings(), result.batch().valid(), result.batch().pairs().size());
        assertThat(result.disagreements()).as("disagreements with %s", result.tool()).isEmpty();
    }

    /**
     * The version strings of one OSV YAML file, read line by line: a YAML parser is not a core dependency, and the
     * advisory files use one plain block style throughout.
     */
    private static void collect(Path file, Set<String> out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rangeType = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.indexOf(':') < 0) continue;
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                rangeType = type.group(1);
                continue;
            }
            Matcher event = EVENT.matcher(line);
            if (event.matches()) {
                // GIT ranges hold commit hashes, not versions.
                if (!rangeType.equals("GIT")) out.add(unquote(event.group(2)));
                continue;
            }
            Matcher key = VERSIONS_KEY.matcher(line);
            if (key.matches()) {
                // Block sequence items sit at the key's indentation or two spaces deeper.
                String indent = key.group(1);
                while (i + 1 < lines.size()) {
                    String next = lines.get(i + 1);
                    String item = next.startsWith(indent + "- ") ? next.substring(indent.length() + 2)
                            : next.startsWith(indent + "  - ") ? next.substring(indent.length() + 4) : null;
                    if (item == null) break;
                    out.add(unquote(item));
                    i++;
                }
            }
        }
    }

    private static String unquote(String scalar) {
        String s = scalar.strip();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }
}
