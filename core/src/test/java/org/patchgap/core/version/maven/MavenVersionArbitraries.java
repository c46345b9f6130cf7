package org.patchgap.core.version.maven;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Adversarial Maven versions: numbers with leading and trailing zeros, every known qualifier and its aliases in
 * any case, unknown qualifiers, digit-letter transitions without a separator ({@code 1a1}), and dot/hyphen
 * separators in any mix, so that canonical forms often coincide.
 */
final class MavenVersionArbitraries {

    private MavenVersionArbitraries() {}

    static Arbitrary<String> versions() {
        Arbitrary<String> number = Arbitraries.of("0", "00", "1", "01", "2", "9", "10", "123456789012",
                "99999999999999999999");
        Arbitrary<String> qualifier = Arbitraries.of("alpha", "a", "beta", "b", "milestone", "m", "rc", "cr",
                "snapshot", "SNAPSHOT", "ga", "GA", "final", "Final", "release", "RELEASE", "sp", "SP", "foo", "x",
                "jre", "android", "Alpha", "M");
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(3, number), Tuple.of(2, qualifier));
        Arbitrary<String> separator = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(".", "-")),
                Tuple.of(1, Arbitraries.of("", "_", "+")));
        Arbitrary<String> rest = Combinators.combine(separator, token).as(String::concat)
                .list().ofMinSize(0).ofMaxSize(5).map(l -> String.join("", l));
        return Combinators.combine(number, rest).as(String::concat);
    }
}
