package org.patchgap.core.version.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.version.Differential.Pair;
import org.patchgap.core.version.Differential;

/**
 * Our Maven order against Maven's {@code ComparableVersion} run as a tool (its {@code main} compares its arguments
 * pairwise, in a separate JVM). Our scheme wraps that same class, so this shows that the wrapper preserves Maven's
 * order and equality, not that two implementations agree; validity is ours alone (Maven accepts any string).
 */
class MavenDifferentialTest {

    private static final MavenVersionScheme SCHEME = MavenVersionScheme.INSTANCE;

    @Example
    void preservesComparableVersionOrder() throws Exception {
        List<String> corpus = new ArrayList<>(Differential.sample(MavenVersionArbitraries.versions(), 2500, 440));
        corpus.addAll(Differential.fixtureVersions("maven-order.txt"));
        Differential.Batch batch = Differential.pairs(SCHEME, corpus, 1000, 441);
        List<Pair> pairs = batch.pairs().stream().filter(p -> Differential.compare(SCHEME, p) != null).toList();

        // main(a1, b1, a2, b2, ...) compares every argument with the one before it, so interleaving the pairs
        // also compares b1 with a2 and so on: those extra comparisons are checked too.
        List<String> arguments = new ArrayList<>();
        for (Pair p : pairs) {
            arguments.add(p.a());
            arguments.add(p.b());
        }
        Path jar = Path.of(ComparableVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), ComparableVersion.class.getName()));
        command.addAll(arguments);
        List<String> output = BatchProcess.run(command, List.of(), 120);

        // Output: a header, then for each argument "N. text -> canonical; tokens: [...]" followed, for all but the
        // last, by "   previous OP next" with OP one of <, ==, >.
        List<String> comparisons = output.stream().filter(l -> l.startsWith("   ")).toList();
        assertThat(comparisons).hasSize(arguments.size() - 1);
        List<String> disagreements = new ArrayList<>();
        for (int i = 1; i < arguments.size(); i++) {
            Pair pair = new Pair(arguments.get(i - 1), arguments.get(i));
            int ours = Differential.compare(SCHEME, pair);
            String expected = "   " + pair.a() + " " + (ours < 0 ? "<" : ours == 0 ? "==" : ">") + " " + pair.b();
            if (!comparisons.get(i - 1).equals(expected)) {
                disagreements.add("ComparableVersion says '" + comparisons.get(i - 1).strip() + "', we say '"
                        + expected.strip() + "'");
            }
        }
        System.out.printf("Maven differential against ComparableVersion (%s): %d strings (%d valid), %d pairs%n",
                jar.getFileName(), batch.strings(), batch.valid(), arguments.size() - 1);
        assertThat(disagreements).isEmpty();
    }
}
