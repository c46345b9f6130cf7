package org.patchgap.core.version.cran;

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

/** Our CRAN scheme against R's own package_version (Debian r-base-core). */
class CranDifferentialTest {

    private static final List<String> TRICKY = List.of(
            "1.0", "1.1", "1.2-3", "1.2.3", "1.2-10", "1.01", "1.0.0", "1.0.1", "0.9-1", "3.6.0", "3.5.99",
            "1-0-0", "1.0-0", "0.0", "00.00", "1", "1.", ".1", "1..0", "1.0a", "1.0-rc1", "1.0_1", "v1.0",
            "1.99999999999", "2147483647.0", "2147483648.0", " 1.0", "1.0 ", "1.-0", "1.0.0.0.0.0.1");

    @Example
    void handPickedVersionsAgreeWithR() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithR(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "10", "01", "00", "3", "0", "1");
        Arbitrary<String> separator = Arbitraries.of(".", ".", ".", "-", "_", "");
        Arbitrary<String> more = Combinators.combine(separator, number).as(String::concat)
                .list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("", l));
        return Differential.batch(Combinators.combine(number, more).as(String::concat), 120);
    }

    private static void check(List<String> versions) {
        CanonicalTools.require("R (r-base-core)", "Rscript", "-e", "package_version('1.0')");
        Differential.assertAgreement("R package_version", CranVersionScheme.INSTANCE,
                List.of("Rscript", Differential.driver("cran.R").toString()), Map.of(), versions, true);
    }
}
