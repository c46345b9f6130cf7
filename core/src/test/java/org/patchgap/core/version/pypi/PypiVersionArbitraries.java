package org.patchgap.core.version.pypi;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Adversarial PEP 440 strings: every segment in its many spellings (case, separators, implicit numbers, long
 * labels), trailing zeros, huge numbers, local labels, surrounding white space, and random noise characters
 * inserted to produce near-misses that packaging must reject.
 */
final class PypiVersionArbitraries {

    private PypiVersionArbitraries() {}

    static Arbitrary<String> versions() {
        Arbitrary<String> number = Arbitraries.of("0", "00", "1", "01", "2", "9", "10", "999999999999999999999");
        Arbitrary<String> release = number.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> lead = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("v", "V", " ", "\t")), Tuple.of(1, Arbitraries.of("\u00a0", "\u2028", "\u0085", "\u001c", "\ufeff")));
        Arbitrary<String> epoch = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("0!", "1!", "2!", "01!")));
        Arbitrary<String> separator = Arbitraries.of("", "", "", ".", "-", "_");
        Arbitrary<String> optionalNumber = Arbitraries.frequencyOf(Tuple.of(3, number), Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> pre = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(4, Combinators.combine(separator,
                        Arbitraries.of("a", "b", "rc", "c", "alpha", "beta", "pre", "preview", "A", "RC", "Beta"),
                        separator, optionalNumber).as((s1, l, s2, n) -> s1 + l + s2 + n)));
        Arbitrary<String> post = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(1, number.map(n -> "-" + n)),
                Tuple.of(2, Combinators.combine(separator, Arbitraries.of("post", "rev", "r", "POST"), separator,
                        optionalNumber).as((s1, l, s2, n) -> s1 + l + s2 + n)));
        Arbitrary<String> dev = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(2, Combinators.combine(separator, Arbitraries.of("dev", "DEV"), separator, optionalNumber)
                        .as((s1, l, s2, n) -> s1 + l + s2 + n)));
        Arbitrary<String> local = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("abc", "ubuntu", "1", "01", "2", "10", "A", "z9").list().ofMinSize(1)
                        .ofMaxSize(3).flatMap(parts -> Arbitraries.of(".", "-", "_")
                                .map(sep -> "+" + String.join(sep, parts)))));
        Arbitrary<String> trail = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of(" ", "\n", "\u3000", "\u200b")));
        Arbitrary<String> version = Combinators.combine(lead, epoch, release, pre, post, dev, local, trail)
                .as((l, e, r, p, po, d, lo, t) -> l + e + r + p + po + d + lo + t);
        return Combinators.combine(version, Arbitraries.integers().between(0, 99),
                        Arbitraries.of(".", "-", "_", "+", "!", "x", " ", "a", "1", "é"))
                .as((v, where, noise) -> where < 85 ? v
                        : v.substring(0, where % (v.length() + 1)) + noise + v.substring(where % (v.length() + 1)));
    }
}
