package org.patchgap.core.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class RpmVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("AlmaLinux")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Azure Linux")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Mageia")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("openEuler")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("openSUSE")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Photon OS")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Red Hat")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Rocky Linux")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("SUSE")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Red Hat:enterprise linux:9")).containsSame(RpmVersionScheme.INSTANCE);
    }

    @Test
    void splitsEpochVersionAndReleaseAsRpmDoes() throws Exception {
        RpmVersionScheme rpm = RpmVersionScheme.INSTANCE;
        assertThat(RpmVersionScheme.evr(rpm.parse("1:2.0-1.el9")))
                .isEqualTo(new RpmVersionScheme.Evr(BigInteger.ONE, "2.0", "1.el9"));
        assertThat(RpmVersionScheme.evr(rpm.parse("2.0")))
                .isEqualTo(new RpmVersionScheme.Evr(BigInteger.ZERO, "2.0", null));
        // The release follows the last '-', whatever comes before it.
        assertThat(RpmVersionScheme.evr(rpm.parse("1.2_3.4-5")).release()).isEqualTo("5");
    }

    @Test
    void invalidVersionSaysWhy() {
        assertThatThrownBy(() -> RpmVersionScheme.INSTANCE.parse("1:-1"))
                .hasMessage("invalid RPM version '1:-1': empty version part (rpm cannot compare it)");
    }

    /** rpm's epoch is only the digits right before ':'; whatever else comes before a ':' is version (issue 14). */
    @Test
    void anEpochIsOnlyDigitsBeforeTheColon() throws Exception {
        RpmVersionScheme rpm = RpmVersionScheme.INSTANCE;
        assertThat(RpmVersionScheme.evr(rpm.parse("a:1"))).isEqualTo(new RpmVersionScheme.Evr(BigInteger.ZERO, "a:1", null));
        assertThat(RpmVersionScheme.evr(rpm.parse(":1.0"))).isEqualTo(new RpmVersionScheme.Evr(BigInteger.ZERO, "1.0", null));
        assertThat(RpmVersionScheme.evr(rpm.parse("1:2:3"))).isEqualTo(new RpmVersionScheme.Evr(BigInteger.ONE, "2:3", null));
        assertThat(RpmVersionScheme.evr(rpm.parse("1.0-"))).isEqualTo(new RpmVersionScheme.Evr(BigInteger.ZERO, "1.0", ""));
        assertThat(rpm.parse("a:1").compareTo(rpm.parse("a.1"))).isZero();
    }
}
