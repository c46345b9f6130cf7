package org.patchgap.core.version.deb;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Adversarial Debian version strings: small alphabets of digit runs and non-digit runs so that generated versions
 * often share prefixes, tilde and letter runs, leading zeros, huge numbers, epochs good and bad, hyphens inside
 * the upstream part, blanks, non-ASCII bytes and characters dpkg only warns about.
 */
final class DebianVersionArbitraries {

    private DebianVersionArbitraries() {}

    static Arbitrary<String> versions() {
        Arbitrary<String> digits = Arbitraries.of("0", "00", "1", "01", "2", "9", "10", "010", "99", "100",
                "4294967296", "18446744073709551617");
        Arbitrary<String> nonDigits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.of(".", "~", "+", "a", "b", "z", "rc", "dfsg", "deb12u")),
                net.jqwik.api.Tuple.of(6, Arbitraries.of("~~", "-", ":", "A", "Z", "~rc", "+b", ".a", "ubuntu")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("_", "%", "é", "\u00ff", "=", ",", "\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(" ", "\t")));
        Arbitrary<String> runs = Arbitraries.oneOf(digits, nonDigits).list().ofMinSize(0).ofMaxSize(6)
                .map(l -> String.join("", l));
        Arbitrary<String> upstream = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Combinators.combine(digits, runs).as(String::concat)),
                net.jqwik.api.Tuple.of(1, runs));
        Arbitrary<String> epoch = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(6, Arbitraries.of("0:", "1:", "2:", "01:", "10:")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("+1:", ":", "a:", "1a:", "2147483647:", "2147483648:",
                        "\n1:", " -1:", " -0:")));
        Arbitrary<String> revision = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(6, runs.map(r -> "-" + r)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("-1", "-0", "-1+deb12u1", "-1~bpo12+1", "-1ubuntu0.22.04.1")));
        Arbitrary<String> blank = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(15, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(" ", "\t", "  \t")));
        return Combinators.combine(blank, epoch, upstream, revision, blank)
                .as((lead, e, u, r, trail) -> lead + e + u + r + trail);
    }
}
