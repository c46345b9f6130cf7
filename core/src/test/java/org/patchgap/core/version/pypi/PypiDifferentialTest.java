package org.patchgap.core.version.pypi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential.Pair;
import org.patchgap.core.version.Differential;

/**
 * Our PyPI scheme against the {@code packaging} library run by the default {@code python3}: which strings are
 * versions, their normalised text and their order must agree on every pair.
 */
class PypiDifferentialTest {

    static final PypiVersionScheme SCHEME = PypiVersionScheme.INSTANCE;

    @Example
    void agreesWithPackaging() {
        List<String> corpus = new ArrayList<>(Differential.sample(PypiVersionArbitraries.versions(), 2500, 440));
        corpus.addAll(Differential.fixtureVersions("pypi-order.txt", "pypi-invalid.txt", "pypi-normalized.txt"));
        Result result = check(corpus, 1000);
        System.out.printf("PyPI differential against %s: %d strings (%d valid), %d pairs%n",
                result.tool(), result.batch().strings(), result.batch().valid(), result.batch().pairs().size());
        assertThat(result.disagreements()).as("disagreements with %s", result.tool()).isEmpty();
    }

    record Result(String tool, Differential.Batch batch, List<String> disagreements) {}

    /** Sends {@code corpus} to packaging in one python3 process and lists every disagreement. */
    static Result check(List<String> corpus, int randomPairs) {
        CanonicalTools.require("python3 with packaging >= 22", "python3", "-c",
                "import packaging, sys; sys.exit(int(packaging.__version__.split('.')[0]) < 22)");
        Differential.Batch batch = Differential.pairs(SCHEME, corpus, randomPairs, 441);
        List<String> input = batch.pairs().stream()
                .map(p -> "[" + BatchProcess.json(p.a()) + "," + BatchProcess.json(p.b()) + "]").toList();
        List<String> output = BatchProcess.run(
                List.of("python3", BatchProcess.resource("/versions/tools/pypi_compare.py").toString()), input, 120);
        assertThat(output).hasSize(batch.pairs().size() + 1);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < batch.pairs().size(); i++) {
            Pair pair = batch.pairs().get(i);
            Integer ours = Differential.compare(SCHEME, pair);
            String expected = normalized(pair.a()) + "\t" + normalized(pair.b()) + "\t" + (ours == null ? "x" : ours);
            if (!expected.equals(output.get(i + 1))) {
                disagreements.add(BatchProcess.json(pair.a()) + " vs " + BatchProcess.json(pair.b())
                        + ": packaging says " + output.get(i + 1).replace('\t', ' ') + ", we say "
                        + expected.replace('\t', ' '));
            }
        }
        return new Result(output.get(0), batch, disagreements);
    }

    private static String normalized(String text) {
        try {
            return SCHEME.parse(text).normalized();
        } catch (org.patchgap.core.version.InvalidVersionException e) {
            return "!";
        }
    }
}
