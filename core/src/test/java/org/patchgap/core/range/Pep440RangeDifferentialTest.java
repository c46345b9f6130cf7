package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.patchgap.core.version.pypi.PypiVersionScheme;

/**
 * Our PEP 440 specifiers against packaging's own ({@code SpecifierSet(s).contains(v)} with the default
 * {@code python3}), in one process: generated specifier sets (every operator, wildcards, local labels, pre, post and
 * dev releases, odd spacing and spellings) against versions near their bounds, and every fixture line.
 */
class Pep440RangeDifferentialTest {

    @Example
    void agreesWithPackaging() {
        // packaging 26 admits a pre-release in contains() when it is the only candidate; older releases did not.
        CanonicalTools.require("python3 with packaging >= 26", "python3", "-c",
                "import packaging, sys; sys.exit(int(packaging.__version__.split('.')[0]) < 26)");
        List<String> ranges = Differential.sample(specifierSets(), 1500, 6);
        List<String> versions = Differential.sample(versions(), 400, 7);
        List<RangeDifferential.Case> extra = new ArrayList<>();
        for (RangeFixtures.Line line : RangeFixtures.read("pep440.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), line.field(1)));
        }
        for (RangeFixtures.Line line : RangeFixtures.read("pep440-invalid.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), "1.0"));
        }
        List<RangeDifferential.Case> cases = RangeDifferential.cases(ranges, versions, 16, 8, extra);
        RangeDifferential.Counts counts = RangeDifferential.assertAgreement("packaging", Pep440RangeSyntax.INSTANCE,
                PypiVersionScheme.INSTANCE, List.of("python3",
                        BatchProcess.resource("/ranges/tools/pep440_contains.py").toString()), cases);
        assertThat(counts.invalidRanges()).as("some generated specifier sets are invalid").isPositive();
        assertThat(counts.ranges() - counts.invalidRanges()).as("most generated specifier sets are valid")
                .isGreaterThan(counts.ranges() / 2);
    }

    private static Arbitrary<String> release() {
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "00", "10");
        return n.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
    }

    private static Arbitrary<String> suffix() {
        Arbitrary<String> pre = Arbitraries.of("", "", "", "a1", "b0", "rc1", "-alpha", ".pre2", "c1", "RC1");
        Arbitrary<String> post = Arbitraries.of("", "", "", "", ".post1", "-1", ".post0", "post");
        Arbitrary<String> dev = Arbitraries.of("", "", "", "", ".dev0", ".dev1", "dev");
        return Combinators.combine(pre, post, dev).as((a, b, c) -> a + b + c);
    }

    static Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.of("", "", "", "", "", "", "", "1!");
        Arbitrary<String> local = Arbitraries.of("", "", "", "", "+local", "+ubuntu.1", "+1");
        return Combinators.combine(epoch, release(), suffix(), local).as((e, r, s, l) -> e + r + s + l);
    }

    private static Arbitrary<String> specifier() {
        Arbitrary<String> op = Arbitraries.of("==", "!=", "<=", ">=", "<", ">", "~=", "~=", "===", "==", "!=");
        Arbitrary<String> space = Arbitraries.of("", "", "", " ");
        Arbitrary<String> tail = Arbitraries.frequencyOf(Tuple.of(10, suffix()), Tuple.of(2, Arbitraries.just(".*")),
                Tuple.of(1, Arbitraries.of("+local", "+ubuntu.1")), Tuple.of(1, Arbitraries.of(".*.*", "foo", ".x")));
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "", "", "v", "1!");
        return Combinators.combine(space, op, space, prefix, release(), tail, space)
                .as((s1, o, s2, p, r, t, s3) -> s1 + o + s2 + p + r + t + s3);
    }

    static Arbitrary<String> specifierSets() {
        return Arbitraries.frequencyOf(Tuple.of(20, specifier().list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join(",", l))), Tuple.of(1, Arbitraries.of("", " ", ",", "1.0", ">=1.0;<2")));
    }
}
