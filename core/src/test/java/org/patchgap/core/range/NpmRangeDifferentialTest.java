package org.patchgap.core.range;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.Tuple;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.npm.NpmVersionScheme;

/**
 * Our npm ranges against node-semver's own ({@code new Range(r).test(v)}, npm's copy run by {@code node}), in one
 * process: generated ranges (every operator, partial and x versions, hyphens, pre-releases, odd spacing), the
 * dependency ranges of the packages bundled with npm, and every fixture line. Validity and verdict must agree.
 */
class NpmRangeDifferentialTest {

    private static final Path SEMVER = Path.of("/usr/lib/node_modules/npm/node_modules/semver");
    private static final Path NPM_MODULES = Path.of("/usr/lib/node_modules/npm/node_modules");

    @Example
    void agreesWithNodeSemver() {
        CanonicalTools.require("node", "node", "--version");
        CanonicalTools.requireFile("node-semver (npm's copy)", SEMVER.resolve("package.json"));
        List<String> ranges = new ArrayList<>(Differential.sample(ranges(), 1500, 3));
        ranges.addAll(bundledDependencyRanges());
        List<String> versions = Differential.sample(versions(), 400, 4);
        List<RangeDifferential.Case> extra = new ArrayList<>();
        for (RangeFixtures.Line line : RangeFixtures.read("npm.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), line.field(1)));
        }
        for (RangeFixtures.Line line : RangeFixtures.read("npm-invalid.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), "1.2.3"));
        }
        List<RangeDifferential.Case> cases = RangeDifferential.cases(ranges, versions, 16, 5, extra);
        RangeDifferential.Counts counts = RangeDifferential.assertAgreement("node-semver", NpmRangeSyntax.INSTANCE,
                NpmVersionScheme.INSTANCE, List.of("node",
                        BatchProcess.resource("/ranges/tools/npm_satisfies.js").toString(), SEMVER.toString()), cases);
        assertThat(counts.invalidRanges()).as("some generated ranges are invalid").isPositive();
        assertThat(counts.ranges() - counts.invalidRanges()).as("most generated ranges are valid")
                .isGreaterThan(counts.ranges() / 2);
    }

    private static Arbitrary<String> part(boolean odd) {
        Arbitrary<String> n = odd ? Arbitraries.of("0", "1", "2", "10", "01") : Arbitraries.of("0", "1", "2", "3", "10");
        return Arbitraries.frequencyOf(Tuple.of(8, n), Tuple.of(1, Arbitraries.of("x", "X", "*")));
    }

    /** A full or partial version; {@code odd} adds what node-semver rejects or reads in surprising ways. */
    private static Arbitrary<String> partial(boolean odd) {
        Arbitrary<String> pre = odd ? Arbitraries.of("", "-0", "-01", "-a..b", "-alpha", "-")
                : Arbitraries.of("", "", "", "-0", "-alpha", "-alpha.1", "-beta.2", "-rc.1");
        Arbitrary<String> build = Arbitraries.of("", "", "", "", "+build", "+b.1");
        Arbitrary<String> prefix = odd ? Arbitraries.of("v", "=", "v=", " ", "V") : Arbitraries.of("", "", "", "", "v");
        return Combinators.combine(prefix, part(odd), part(odd), part(odd), Arbitraries.integers().between(1, 6), pre,
                build).as((p, a, b, c, n, pr, bu) -> switch (n) {
                    case 1 -> p + a;
                    case 2 -> p + a + "." + b;
                    case 6 -> odd ? p + a + "." + b + "." + c + ".4" : p + a + "." + b + "." + c + pr + bu;
                    default -> p + a + "." + b + "." + c + pr + bu;
                });
    }

    private static Arbitrary<String> comparator(boolean odd) {
        Arbitrary<String> op = odd ? Arbitraries.of("> ", "^ ", "~ ", "> =", "=>", "<<", "~>", "*", ">*", "<x")
                : Arbitraries.of("", "", "=", "<", "<=", ">", ">=", "^", "~", "^", "~");
        return Combinators.combine(op, partial(odd)).as((o, v) -> o.equals("*") ? "*" : o + v);
    }

    private static Arbitrary<String> set() {
        // Mostly clean pieces: one odd piece usually makes the whole range invalid.
        Arbitrary<String> one = Arbitraries.frequencyOf(Tuple.of(12, comparator(false)), Tuple.of(1, comparator(true)));
        Arbitrary<String> hyphen = Combinators.combine(partial(false), partial(false),
                Arbitraries.of(" - ", " - ", " - ", " -  ", "-")).as((a, b, sep) -> a + sep + b);
        return Arbitraries.frequencyOf(Tuple.of(6, one.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l))),
                Tuple.of(2, hyphen), Tuple.of(1, Arbitraries.of("", "*", "x", "  ")));
    }

    static Arbitrary<String> ranges() {
        return set().list().ofMinSize(1).ofMaxSize(3)
                .flatMap(sets -> Arbitraries.of("||", " || ", " || ", " ||  ").map(sep -> String.join(sep, sets)));
    }

    static Arbitrary<String> versions() {
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3", "10");
        Arbitrary<String> pre = Arbitraries.of("", "", "", "-0", "-alpha", "-alpha.1", "-alpha.2", "-beta.2", "-rc.1");
        return Combinators.combine(n, n, n, pre).as((a, b, c, p) -> a + "." + b + "." + c + p);
    }

    /** The ranges in the "dependencies" of the packages bundled with npm: real ranges from the wild. */
    private static List<String> bundledDependencyRanges() {
        Pattern block = Pattern.compile("\"(?:dependencies|peerDependencies|optionalDependencies)\"\\s*:\\s*\\{([^}]*)\\}");
        Pattern entry = Pattern.compile("\"[^\"]+\"\\s*:\\s*\"([^\"]*)\"");
        if (!Files.isDirectory(NPM_MODULES)) return List.of();
        try (Stream<Path> files = Files.walk(NPM_MODULES, 3)) {
            List<String> out = new ArrayList<>();
            for (Path f : files.filter(f -> f.getFileName().toString().equals("package.json")).sorted().toList()) {
                Matcher b = block.matcher(Files.readString(f));
                while (b.find()) {
                    Matcher e = entry.matcher(b.group(1));
                    while (e.find()) out.add(e.group(1));
                }
            }
            return out.stream().distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
