package org.patchgap.core.version.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.InvalidVersionException;

class DebianVersionSchemeTest {

    private static final DebianVersionScheme SCHEME = DebianVersionScheme.INSTANCE;

    @Test
    void splitsEpochUpstreamAndRevisionAtTheFirstColonAndLastHyphen() throws InvalidVersionException {
        DebianVersion v = (DebianVersion) SCHEME.parse(" 1:2.0-beta-3+deb12u1\t");
        assertThat(v.epoch()).isEqualTo(1);
        assertThat(v.upstream()).isEqualTo("2.0-beta");
        assertThat(v.revision()).isEqualTo("3+deb12u1");
        assertThat(v.text()).isEqualTo(" 1:2.0-beta-3+deb12u1\t");
    }

    @Test
    void reasonsAreDpkgsOwnWords() {
        assertThatThrownBy(() -> SCHEME.parse(":1.0")).isInstanceOf(InvalidVersionException.class)
                .hasMessage("invalid Debian version ':1.0': epoch in version is empty");
        assertThatThrownBy(() -> SCHEME.parse("1.0 1")).hasMessageEndingWith("version string has embedded spaces");
        assertThatThrownBy(() -> SCHEME.parse("1.0-")).hasMessageEndingWith("revision number is empty");
        assertThatThrownBy(() -> SCHEME.parse("4294967296:1")).hasMessageEndingWith("epoch in version is too big");
    }

    @Test
    void versionsDpkgOnlyWarnsAboutAreComparedAsDpkgComparesThem() throws InvalidVersionException {
        // dpkg: "version number does not start with digit" and "invalid character" are warnings, not errors.
        assertThat(SCHEME.parse("a1.0").compareTo(SCHEME.parse("1.0"))).isPositive();
        assertThat(SCHEME.parse("1.0_1").compareTo(SCHEME.parse("1.0+1"))).isPositive();
        // Non-ASCII bytes sort after letters and before ASCII punctuation (signed chars in dpkg's order()).
        assertThat(SCHEME.parse("1.0é").compareTo(SCHEME.parse("1.0z"))).isPositive();
        assertThat(SCHEME.parse("1.0é").compareTo(SCHEME.parse("1.0."))).isNegative();
    }

    /** Deliberate difference (docs/versions.md): dpkg reads "" and "<unknown>" as "no version", below all. */
    @Test
    void emptyAndUnknownAreInvalidThoughDpkgComparesThemAsNoVersion() throws Exception {
        assertThatThrownBy(() -> SCHEME.parse("")).hasMessageEndingWith("version string is empty");
        assertThatThrownBy(() -> SCHEME.parse("<unknown>")).hasMessageContaining("placeholder for no version");
        CanonicalTools.require("dpkg", "dpkg", "--compare-versions", "1.0", "lt", "1.1");
        assertThat(dpkg("", "lt", "0")).as("dpkg: '' lt 0").isZero();
        assertThat(dpkg("<unknown>", "lt", "0")).as("dpkg: <unknown> lt 0").isZero();
    }

    private static int dpkg(String a, String op, String b) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dpkg", "--compare-versions", a, op, b)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
