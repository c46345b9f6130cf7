package org.patchgap.core.version.npm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Adversarial SemVer strings: leading zeros, numbers at and above 2<sup>53</sup>-1, numeric and alphanumeric
 * pre-release identifiers that share prefixes, hyphens inside identifiers, empty identifiers, build metadata, the
 * prefixes node-semver does and does not accept ({@code v}, {@code =}, {@code V}), JavaScript white space and
 * look-alikes, and missing or extra core parts.
 */
final class NpmVersionArbitraries {

    private NpmVersionArbitraries() {}

    static Arbitrary<String> versions() {
        Arbitrary<String> number = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("0", "1", "2", "10")),
                Tuple.of(1, Arbitraries.of("01", "00", "9007199254740991", "9007199254740992",
                        "99999999999999999999")));
        Arbitrary<String> core = Arbitraries.frequencyOf(
                Tuple.of(20, number.list().ofSize(3)),
                Tuple.of(1, number.list().ofMinSize(1).ofMaxSize(4)))
                .map(l -> String.join(".", l));
        // One large identifier only: two distinct digit strings with the same double value would hit the documented
        // difference (NpmVersionSchemeTest), which this corpus is not meant to exercise.
        Arbitrary<String> identifier = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of("0", "1", "2", "10", "alpha", "beta", "rc", "a", "b")),
                Tuple.of(3, Arbitraries.of("A", "-", "--", "x-y", "1a", "a1", "0a", "9007199254740993")),
                Tuple.of(1, Arbitraries.of("01", "", "a_b", "é")));
        Arbitrary<String> prerelease = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(4, identifier.list().ofMinSize(1).ofMaxSize(4).map(l -> "-" + String.join(".", l))));
        Arbitrary<String> build = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("+build", "+001", "+a.b-c", "+20130313144700", "+x.7.z")),
                Tuple.of(1, Arbitraries.of("+", "+a..b", "+a_b", "+a+b")));
        Arbitrary<String> lead = Arbitraries.frequencyOf(
                Tuple.of(16, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of("v", " ", "\t", "\u00a0", "\ufeff")),
                Tuple.of(1, Arbitraries.of("=", "V", "vv", "v ", "\u200b", "\u001c", "\u0085")));
        Arbitrary<String> trail = Arbitraries.frequencyOf(
                Tuple.of(16, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of(" ", "\n", "\u2028", "\u3000")),
                Tuple.of(1, Arbitraries.of("\u0085", "\u180e", "x")));
        return Combinators.combine(lead, core, prerelease, build, trail)
                .as((l, c, p, b, t) -> l + c + p + b + t);
    }
}
