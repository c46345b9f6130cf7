package org.patchgap.core.version.packagist;

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

/**
 * Our Packagist scheme against composer/semver: which texts normalise, and how Composer's Comparator orders every
 * pair of normalised versions. Composer gives no order between two different branches; the driver answers
 * {@code none} for those and they are checked in {@link PackagistVersionSchemeTest} instead.
 */
class PackagistDifferentialTest {

    private static final List<String> TRICKY = List.of(
            "1.0.0", "1.0", "1", "v1.0", "V1.0", "1.0.0.0", "1.0.0.0.0", "1.0.0-beta", "1.0.0-b", "1.0.0-b2",
            "1.0.0-beta2", "1.0.0-beta.2", "1.0.0-beta.10", "1.0.0-RC1", "1.0.0-rc1", "1.0.0RC1", "1.0.0.RC.1",
            "1.0.0-alpha", "1.0.0-a1", "1.0.0-dev", "1.0.0-beta2-dev", "1.0.0-patch1", "1.0.0-p1", "1.0.0-pl1",
            "1.0.0-stable", "1.0.0-STABLE", "1.0.0+build.7", "1.0.0-beta+build", "1.01", "1.1", "2010-01-02",
            "2010.01.02", "20100102", "2010-01-02-10-20-30", "1.x-dev", "1.0.x-dev", "1.99999.0", "2.0.0-dev",
            "2.x-dev", "dev-master", "master", "trunk", "default", "dev-feature", "DEV-Feature", "foo", "1.0.0-gamma",
            "1.0.0-1", "123456.0", "12345.0", "1.0 beta", "1.0.0-dev-dev", "1.0@dev", "1.0.0 as 2.0.0", "1.0-beta.1.2",
            "1.0.0-alpha.1-dev", "0.0.1", "9999999.0", "1.0.0-b.1", "v1.0.0-RC2", " 1.0 ", "1.0.0.0-dev");

    @Example
    void handPickedVersionsAgreeWithComposer() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithComposer(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> prefix = Arbitraries.of("", "", "v");
        Arbitrary<String> numbers = Combinators.combine(Arbitraries.of("0", "1", "2", "10", "01"),
                Arbitraries.oneOf(Arbitraries.just(""), Differential.joined(3, ".0", ".1", ".2", ".10", ".01")))
                .as(String::concat);
        Arbitrary<String> separator = Arbitraries.of("", "-", "-", ".", "_");
        Arbitrary<String> stability = Arbitraries.of("", "", "", "alpha", "a", "beta", "b", "RC", "rc", "patch",
                "pl", "p", "stable", "dev", "foo", "x");
        Arbitrary<String> stabilityNumber = Arbitraries.of("", "1", "2", ".1", "10", "-1", ".1.2");
        Arbitrary<String> dev = Arbitraries.of("", "", "", "", "", "-dev", ".dev", "dev");
        Arbitrary<String> build = Arbitraries.of("", "", "", "+build", "+1");
        Arbitrary<String> classic = Combinators.combine(prefix, numbers, separator, stability, stabilityNumber, dev,
                build).as((p, n, s, st, sn, d, b) -> p + n + s + st + sn + d + b);
        Arbitrary<String> branch = Arbitraries.of("dev-master", "dev-main", "master", "dev-1.x", "dev-feature");
        Arbitrary<String> date = Arbitraries.of("2010-01-02", "2010.01.02", "20100102", "201001021030",
                "2010-01-02.5");
        return Differential.batch(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, classic), net.jqwik.api.Tuple.of(1, branch),
                net.jqwik.api.Tuple.of(1, date)), 120);
    }

    private static void check(List<String> versions) {
        CanonicalTools.require("PHP with composer/semver (php-cli, php-composer-semver)", "php", "-r",
                "require '/usr/share/php/Composer/Semver/autoload.php'; new Composer\\Semver\\VersionParser();");
        Differential.assertAgreement("composer/semver", PackagistVersionScheme.INSTANCE,
                List.of("php", Differential.driver("composer.php").toString()), Map.of(), withoutBranchPairs(versions),
                true);
    }

    /** Keeps at most one distinct branch so that no pair is one Composer leaves unordered. */
    private static List<String> withoutBranchPairs(List<String> versions) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String branch = null;
        for (String v : versions) {
            String normalized;
            try {
                normalized = PackagistVersionScheme.INSTANCE.normalize(v);
            } catch (org.patchgap.core.version.InvalidVersionException e) {
                out.add(v);
                continue;
            }
            if (normalized.startsWith("dev-")) {
                if (branch != null && !branch.equals(normalized)) continue;
                branch = normalized;
            }
            out.add(v);
        }
        return out;
    }
}
