package org.patchgap.core.version.rubygems;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.Differential;

/** Our RubyGems scheme against Ruby's own Gem::Version: what is valid, and the order of every pair. */
class RubyGemsDifferentialTest {

    private static final List<String> TRICKY = List.of(
            "1", "1.0", "1.0.0", "1.0.0.0", "0", "0.0", "00", "01", "1.01", "1.0.a", "1.a", "1.0.a.0", "1.a.0",
            "1.0.b", "1.0.a1", "1.0.a2", "1.0.a10", "1.0.a.1", "1.0.rc1", "1.0.0.rc1", "1.0-1", "1.0.pre.1",
            "1.0-rc1", "1.0.rc1", "1.0.A", "1.0b1", "1.0.b.1", "1.0.0.1", "1.9.3", "1.10.0", "2", "1.99999",
            "1.0-", "1.0--", "1.0-a-b", "1.0-a.b", "1a", ".1", "1.", "1..0", "1.0_1", "1.0+1", "v1.0", " 1.0 ", "1.0 1", "1.0.0-alpha", "1.0.0.alpha", "1.0.pre", "1.0.0.pre.0", "1.0.a.0.0", "1.0.a.0.b",
            "3.0.0.beta2", "3.0.0.beta10", "3.0.0.rc", "999999999999999999999.0");

    /**
     * Deliberate difference: {@code Gem::Version.new("")} is version 0, but an empty version in an advisory or an
     * inventory is a data error, so the scheme rejects it.
     */
    @Example
    void emptyTextIsRejectedThoughGemReadsItAsZero() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RubyGemsVersionScheme.INSTANCE.parse(""))
                .isInstanceOf(org.patchgap.core.version.InvalidVersionException.class)
                .hasMessageContaining("empty version");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RubyGemsVersionScheme.INSTANCE.parse("  "))
                .isInstanceOf(org.patchgap.core.version.InvalidVersionException.class);
    }

    @Example
    void handPickedVersionsAgreeWithGemVersion() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithGemVersion(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> first = Arbitraries.of("0", "1", "2", "10", "01", "00");
        Arbitrary<String> rest = Differential.joined(5, ".0", ".0", ".1", ".2", ".a", ".b", ".pre", ".rc1", ".A",
                ".10", ".0a", ".a0", ".alpha", ".00");
        Arbitrary<String> pre = Arbitraries.of("", "", "", "-1", "-a", "-pre.1", "-0", "a", "_", "..", "-", " ");
        Arbitrary<String> tail = Arbitraries.oneOf(rest, Arbitraries.just(""));
        return Differential.batch(Combinators.combine(first, tail, pre).as((f, t, p) -> f + t + p), 110);
    }

    private static void check(List<String> versions) {
        CanonicalTools.require("Ruby's RubyGems (ruby)", "ruby", "-e", "Gem::Version.new('1')");
        Differential.assertAgreement("Gem::Version", RubyGemsVersionScheme.INSTANCE,
                List.of("ruby", Differential.driver("gem.rb").toString()), Map.of(), versions, true);
    }
}
