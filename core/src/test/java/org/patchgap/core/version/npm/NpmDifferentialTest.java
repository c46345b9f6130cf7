package org.patchgap.core.version.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.version.Differential.Pair;
import org.patchgap.core.version.Differential;

/**
 * Our npm scheme against node-semver (npm's own copy, run by {@code node}): validity ({@code semver.valid}) and
 * order ({@code semver.compare}) must agree on every pair of generated, hand-picked and real versions (those of
 * the packages bundled with npm).
 */
class NpmDifferentialTest {

    private static final NpmVersionScheme SCHEME = NpmVersionScheme.INSTANCE;
    private static final Path NPM_MODULES = Path.of("/usr/lib/node_modules/npm/node_modules");
    private static final Pattern VERSION_FIELD = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]*)\"");

    @Example
    void agreesWithNodeSemver() {
        Path semver = NodeSemver.require();
        List<String> corpus = new ArrayList<>(Differential.sample(NpmVersionArbitraries.versions(), 2500, 440));
        corpus.addAll(Differential.fixtureVersions("npm-order.txt", "npm-invalid.txt"));
        corpus.addAll(bundledPackageVersions());
        Differential.Batch batch = Differential.pairs(SCHEME, corpus, 1000, 441);

        List<String> input = batch.pairs().stream()
                .map(p -> "[" + BatchProcess.json(p.a()) + "," + BatchProcess.json(p.b()) + "]").toList();
        List<String> output = BatchProcess.run(List.of("node",
                BatchProcess.resource("/versions/tools/npm_compare.js").toString(), semver.toString()), input, 120);

        assertThat(output).hasSize(batch.pairs().size() + 1);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < batch.pairs().size(); i++) {
            Pair pair = batch.pairs().get(i);
            String[] answer = output.get(i + 1).split("\t", -1);
            Integer ours = Differential.compare(SCHEME, pair);
            boolean agrees = answer.length == 3
                    && Differential.accepts(SCHEME, pair.a()) == !answer[0].equals("!")
                    && Differential.accepts(SCHEME, pair.b()) == !answer[1].equals("!")
                    && answer[2].equals(ours == null ? "x" : ours.toString());
            if (!agrees) {
                disagreements.add(BatchProcess.json(pair.a()) + " vs " + BatchProcess.json(pair.b())
                        + ": node-semver says " + output.get(i + 1).replace('\t', ' ') + ", we say "
                        + (ours == null ? "invalid" : ours));
            }
        }
        System.out.printf("npm differential against %s: %d strings (%d valid), %d pairs%n",
                output.get(0), batch.strings(), batch.valid(), batch.pairs().size());
        assertThat(disagreements).as("disagreements with %s", output.get(0)).isEmpty();
    }

    /** The versions in the package.json files of the packages bundled with npm: real npm versions. */
    private static List<String> bundledPackageVersions() {
        if (!Files.isDirectory(NPM_MODULES)) return List.of();
        try (Stream<Path> files = Files.walk(NPM_MODULES, 3)) {
            return files.filter(f -> f.getFileName().toString().equals("package.json")).sorted().map(f -> {
                try {
                    Matcher m = VERSION_FIELD.matcher(Files.readString(f));
                    return m.find() ? m.group(1) : null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(v -> v != null).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
