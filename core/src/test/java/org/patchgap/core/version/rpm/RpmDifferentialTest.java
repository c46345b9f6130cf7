package org.patchgap.core.version.rpm;

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
 * Our RPM order against rpm's own labelCompare (python3-rpm). Each test is one batch: one tool process compares
 * every pair of its versions.
 */
class RpmDifferentialTest {

    private static final List<String> TRICKY = List.of(
            "1.0-1", "1.0~rc1-1", "1.0~rc2-1", "1.0^git1-1", "1.0^-1", "1.0.1-1", "1.0~-1", "1.0~~-1", "1.0^git1~a-1",
            "1.0a-1", "1.a-1", "1_0-1", "1..0-1", "1.010-1", "1.10-1", "1.9-1", "0:1.0-1", "1:1.0-1", "01:1.0-1",
            "2:0.1-1", "1.0-1.el8", "1.0-1.el8_4", "1.0-1.el9", "1.0-1.fc30", "1.0-2.fc29", "2.6.32-754.el6",
            "2.6.32-754.2.1.el6", "0:3.6.8-51.el8_8.1", "0:3.6.8-51.el8_8.2", "1.0A-1", "1.0alpha-1", "1.0rc-1",
            "1.0rc1-1", "1.0-0", "1.0-00", "1.0-", "1.0", "1.0^", "1.0~", "1:1.0", "1.0-1~", "1.0-1^", "1.0-1^a",
            "5.3.28-1+b1", "1.0++-1", "0.0-0", "00-00", "a-a", "A-a", "~-~", "^-^", "1.0^~-1", "1.0~^-1",
            "123456789012345678901234567890-1", "123456789012345678901234567891-1",
            // What rpm parses beyond what rpmbuild writes (issue 14): the epoch is only digits before ':'.
            "a:1", "a:1.0-1", "a.1", "0a:1", ":1.0", "0:1.0", "1::2", "1:2:3", "1.0-1-2", "1.0-1-", "1-", "1.0%{dist}-1",
            "1.0\u00e9-1", "1.0 1-1", "~", "1:~", "a", "-1", "1:", "-", ":", "0:-1");

    @Example
    void handPickedVersionsAgreeWithLabelCompare() {
        check(TRICKY);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF, seed = "20261127")
    void generatedVersionsAgreeWithLabelCompare(@ForAll("versions") List<String> versions) {
        check(versions);
    }

    @Provide
    Arbitrary<List<String>> versions() {
        Arbitrary<String> part = Differential.joined(6, "0", "1", "2", "9", "10", "01", "00", "007", "a", "b", "A", "Z",
                "rc", "alpha", "git", "el8", "fc30", "~", "^", ".", "_", "+");
        Arbitrary<String> epoch = Arbitraries.of("", "", "", "0:", "1:", "2:", "01:", "10:");
        Arbitrary<String> release = Arbitraries.oneOf(part.map(r -> "-" + r), Arbitraries.just(""));
        return Differential.batch(Combinators.combine(epoch, part, release).as((e, v, r) -> e + v + r), 100);
    }

    private static void check(List<String> versions) {
        CanonicalTools.require("rpm's python bindings (python3-rpm)", "/usr/bin/python3", "-c", "import rpm");
        Differential.assertAgreement("rpm labelCompare", RpmVersionScheme.INSTANCE,
                List.of("/usr/bin/python3", Differential.driver("rpmcompare.py").toString()), Map.of(), versions,
                true);
    }
}
