package org.patchgap.core.version.hex;

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

/** Our Hex scheme against Elixir's own Version.parse/1 and Version.compare/2 (Debian elixir). */
class HexDifferentialTest {

    private static final List<String> TRICKY = List.of(
            "1.0.0", "1.0.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0-1", "1.0.0-a", "1.0.0-A", "1.0.0-a-b", "1.0.0+build.1",
            "1.0.0+build.2", "1.0.0-rc.1+b", "2.0.0", "1.99.99", "1.0", "1", "v1.0.0", "01.0.0", "1.00.0",
            "1.0.0-01", "1.0.0-0", "1.0.0-00", "1.0.0-", "1.0.0+", "1.0.0+01", "1.0.0-a..b", "1.0.0-a_b",
            "1.0.0.0", " 1.0.0", "1.0.0 ", "99999999999999999999.0.0", "0.0.0", "1.0.0+a+b", "1.0.0--");

    @Example
    void handPickedVersionsAgreeWithElixir() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithElixir(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "10", "0", "1", "2", "3", "0", "1", "01");
        Arbitrary<String> ident = Arbitraries.of("0", "1", "2", "10", "01", "alpha", "beta", "rc", "a-b", "A",
                "-", "0", "1", "alpha", "x7", "");
        Arbitrary<String> pre = Arbitraries.oneOf(Arbitraries.just(""),
                ident.list().ofMinSize(1).ofMaxSize(3).map(l -> "-" + String.join(".", l)));
        Arbitrary<String> build = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(""),
                ident.list().ofMinSize(1).ofMaxSize(2).map(l -> "+" + String.join(".", l)));
        return Differential.batch(Combinators.combine(number, number, number, pre, build)
                .as((a, b, c, p, r) -> a + "." + b + "." + c + p + r), 120);
    }

    private static void check(List<String> versions) {
        CanonicalTools.require("Elixir (elixir)", "elixir", "-e", "Version.parse!(\"1.0.0\")");
        Differential.assertAgreement("Elixir Version", HexVersionScheme.INSTANCE,
                List.of("elixir", Differential.driver("hex.exs").toString()), Map.of(), versions, true);
    }
}
