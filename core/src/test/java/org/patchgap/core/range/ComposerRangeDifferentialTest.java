package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.Tuple;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.packagist.PackagistVersionScheme;

/**
 * Our Composer constraints against composer/semver's own {@code Semver::satisfies} (Debian's php-composer-semver,
 * run by {@code php}), in one process: generated constraints and every fixture line.
 */
class ComposerRangeDifferentialTest {

    @Example
    void agreesWithComposerSemver() {
        CanonicalTools.require("php", "php", "--version");
        CanonicalTools.requireFile("composer/semver (php-composer-semver)",
                Path.of("/usr/share/php/Composer/Semver/autoload.php"));
        List<String> ranges = Differential.sample(constraints(), 1500, 18);
        List<String> versions = Differential.sample(versions(), 300, 19).stream()
                .filter(v -> Differential.accepts(PackagistVersionScheme.INSTANCE, v)).toList();
        List<RangeDifferential.Case> extra = new ArrayList<>();
        for (RangeFixtures.Line line : RangeFixtures.read("composer.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), line.field(1)));
        }
        for (RangeFixtures.Line line : RangeFixtures.read("composer-invalid.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), "1.0.0"));
        }
        List<RangeDifferential.Case> cases = RangeDifferential.cases(ranges, versions, 16, 20, extra);
        RangeDifferential.Counts counts = RangeDifferential.assertAgreement("composer/semver",
                ComposerRangeSyntax.INSTANCE, PackagistVersionScheme.INSTANCE, List.of("php",
                        BatchProcess.resource("/ranges/tools/composer_satisfies.php").toString()), cases);
        assertThat(counts.invalidRanges()).as("some generated constraints are invalid").isPositive();
        assertThat(counts.ranges() - counts.invalidRanges()).as("most generated constraints are valid")
                .isGreaterThan(counts.ranges() / 2);
    }

    static Arbitrary<String> versions() {
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3", "10");
        Arbitrary<String> release = n.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> suffix = Arbitraries.of("", "", "", "", "-beta1", "-RC2", "-alpha", "-dev", "-p1", ".x-dev",
                "-stable", "+build");
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "v");
        Arbitrary<String> version = Combinators.combine(prefix, release, suffix).as((p, r, s) -> p + r + s);
        return Arbitraries.frequencyOf(Tuple.of(20, version), Tuple.of(1, Arbitraries.of("dev-main", "dev-feature")));
    }

    private static Arbitrary<String> constraint() {
        Arbitrary<String> op = Arbitraries.of("", "", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "^", "~", "^", "~");
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3");
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(12, n), Tuple.of(1, Arbitraries.of("*", "x")));
        Arbitrary<String> suffix = Arbitraries.of("", "", "", "", "-beta1", "-dev", "-RC1", "@dev", "@beta",
                ".x-dev");
        Arbitrary<String> version = Combinators.combine(Arbitraries.of("", "", "v"), n, part, part,
                Arbitraries.integers().between(1, 3), suffix)
                .as((v, a, b, c, k, s) -> v + (k == 1 ? a : k == 2 ? a + "." + b : a + "." + b + "." + c) + s);
        Arbitrary<String> space = Arbitraries.of("", "", "", " ");
        Arbitrary<String> good = Combinators.combine(op, space, version).as((o, s, v) -> o + s + v);
        Arbitrary<String> hyphen = Combinators.combine(version, version).as((a, b) -> a + " - " + b);
        Arbitrary<String> odd = Arbitraries.of("*", "x", "dev-main", "~>1.2", "foo", "1.0 as 2.0", "=>1", "",
                "dev-main#abc", "@dev");
        return Arbitraries.frequencyOf(Tuple.of(30, good), Tuple.of(3, hyphen), Tuple.of(1, odd));
    }

    static Arbitrary<String> constraints() {
        Arbitrary<String> and = constraint().list().ofMinSize(1).ofMaxSize(3)
                .flatMap(l -> Arbitraries.of(",", ", ", " ").map(sep -> String.join(sep, l)));
        return and.list().ofMinSize(1).ofMaxSize(3)
                .flatMap(l -> Arbitraries.of("||", " || ", " | ").map(sep -> String.join(sep, l)));
    }
}
