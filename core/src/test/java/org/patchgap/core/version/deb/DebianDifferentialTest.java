package org.patchgap.core.version.deb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential.Pair;
import org.patchgap.core.version.Differential;

/**
 * Our Debian order against {@code dpkg --compare-versions} on generated and hand-picked versions and on the
 * versions of the packages installed on this machine: validity and order must agree on every pair.
 */
class DebianDifferentialTest {

    private static final DebianVersionScheme SCHEME = DebianVersionScheme.INSTANCE;

    @Example
    void agreesWithDpkg() {
        CanonicalTools.require("dpkg", "dpkg", "--compare-versions", "1.0", "lt", "1.1");
        List<String> corpus = new ArrayList<>(Differential.sample(DebianVersionArbitraries.versions(), 800, 440));
        corpus.addAll(Differential.fixtureVersions("debian-order.txt", "debian-invalid.txt"));
        corpus.addAll(installedPackageVersions());
        // Not sent: what dpkg's command line cannot take (a NUL, a leading "-" read as an option) and its two
        // "no version" placeholders, which we reject on purpose (DebianVersionSchemeTest).
        corpus.removeIf(s -> s.indexOf('\0') >= 0 || s.startsWith("-") || s.isEmpty() || s.equals("<unknown>"));
        Differential.Batch batch = Differential.pairs(SCHEME, corpus, 300, 441);

        List<String> input = batch.pairs().stream()
                .map(p -> BatchProcess.hexEscaped(p.a()) + " " + BatchProcess.hexEscaped(p.b())).toList();
        List<String> output = BatchProcess.run(
                List.of("bash", BatchProcess.resource("/versions/tools/dpkg_compare.sh").toString()), input, 300);

        assertThat(output).isNotEmpty();
        String tool = output.get(0);
        assertThat(output).hasSize(batch.pairs().size() + 1);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < batch.pairs().size(); i++) {
            Pair pair = batch.pairs().get(i);
            String[] answer = output.get(i + 1).split(" ");
            Integer ours = Differential.compare(SCHEME, pair);
            String expected = (Differential.accepts(SCHEME, pair.a()) ? "1" : "0") + " "
                    + (Differential.accepts(SCHEME, pair.b()) ? "1" : "0") + " " + (ours == null ? "x" : ours);
            if (!expected.equals(String.join(" ", answer))) {
                disagreements.add("[" + pair.a() + "] vs [" + pair.b() + "]: dpkg says " + output.get(i + 1)
                        + ", we say " + expected);
            }
        }
        System.out.printf("Debian differential against %s: %d strings (%d valid), %d pairs%n",
                tool, batch.strings(), batch.valid(), batch.pairs().size());
        assertThat(disagreements).as("disagreements with %s", tool).isEmpty();
    }

    /** The versions of the packages installed here: real-world Debian versions, when dpkg-query is present. */
    private static List<String> installedPackageVersions() {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}\\n")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> versions = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().filter(s -> !s.isBlank()).distinct().toList();
            p.waitFor();
            return versions;
        } catch (java.io.IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
