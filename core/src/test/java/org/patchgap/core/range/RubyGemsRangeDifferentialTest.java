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
import org.patchgap.core.version.rubygems.RubyGemsVersionScheme;

/**
 * Our RubyGems requirements against RubyGems' own ({@code Gem::Requirement.new(*parts).satisfied_by?}, run by
 * {@code ruby}), in one process: generated requirement lists and every fixture line.
 */
class RubyGemsRangeDifferentialTest {

    @Example
    void agreesWithGemRequirement() {
        CanonicalTools.require("ruby", "ruby", "-e", "Gem::Requirement");
        List<String> ranges = Differential.sample(requirements(), 1500, 12);
        List<String> versions = Differential.sample(versions(), 300, 13).stream()
                .filter(v -> Differential.accepts(RubyGemsVersionScheme.INSTANCE, v)).toList();
        List<RangeDifferential.Case> extra = new ArrayList<>();
        for (RangeFixtures.Line line : RangeFixtures.read("rubygems.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), line.field(1)));
        }
        for (RangeFixtures.Line line : RangeFixtures.read("rubygems-invalid.txt")) {
            extra.add(new RangeDifferential.Case(line.field(0), "1.0"));
        }
        List<RangeDifferential.Case> cases = RangeDifferential.cases(ranges, versions, 16, 14, extra);
        RangeDifferential.Counts counts = RangeDifferential.assertAgreement("RubyGems", RubyGemsRangeSyntax.INSTANCE,
                RubyGemsVersionScheme.INSTANCE, List.of("ruby",
                        BatchProcess.resource("/ranges/tools/gem_requirement.rb").toString()), cases);
        assertThat(counts.invalidRanges()).as("some generated requirements are invalid").isPositive();
        assertThat(counts.ranges() - counts.invalidRanges()).as("most generated requirements are valid")
                .isGreaterThan(counts.ranges() / 2);
    }

    static Arbitrary<String> versions() {
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3", "10", "01");
        Arbitrary<String> pre = Arbitraries.of("", "", "", "", ".a", ".pre", ".rc1", "-rc1", ".b.2", "a", ".0");
        return Combinators.combine(n.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l)), pre)
                .as((r, p) -> r + p);
    }

    private static Arbitrary<String> requirement() {
        Arbitrary<String> op = Arbitraries.of("", "=", "!=", ">", "<", ">=", "<=", "~>", "~>", "~>");
        Arbitrary<String> space = Arbitraries.of("", " ", " ", "  ");
        Arbitrary<String> odd = Arbitraries.of("=>", "~", "1.0_1", "", ">= 1 < 2");
        Arbitrary<String> good = Combinators.combine(space, op, space, versions(), space)
                .as((a, o, b, v, c) -> a + o + b + v + c);
        return Arbitraries.frequencyOf(Tuple.of(25, good), Tuple.of(1, odd));
    }

    static Arbitrary<String> requirements() {
        return requirement().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(",", l));
    }
}
