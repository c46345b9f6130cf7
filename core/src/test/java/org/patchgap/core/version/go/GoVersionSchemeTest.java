package org.patchgap.core.version.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;
import org.patchgap.core.version.rpm.RpmVersionScheme;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class GoVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Go")).containsSame(GoVersionScheme.INSTANCE);
    }

    @Test
    void recognisesPseudoVersions() throws Exception {
        GoVersionScheme go = GoVersionScheme.INSTANCE;
        assertThat(GoVersionScheme.isPseudoVersion(go.parse("v0.0.0-20200101000000-abcdef123456"))).isTrue();
        assertThat(GoVersionScheme.isPseudoVersion(go.parse("v1.2.4-0.20200101000000-abcdef123456"))).isTrue();
        assertThat(GoVersionScheme.isPseudoVersion(go.parse("1.2.3-pre.0.20200101000000-abcdef123456"))).isTrue();
        assertThat(GoVersionScheme.isPseudoVersion(go.parse("v1.2.3-pre"))).isFalse();
        assertThat(GoVersionScheme.isPseudoVersion(go.parse("v1.2.3"))).isFalse();
    }

    @Test
    void comparingWithAnotherSchemeIsAnError() throws Exception {
        var go = GoVersionScheme.INSTANCE.parse("1.0.0");
        var rpm = RpmVersionScheme.INSTANCE.parse("1.0.0");
        assertThatThrownBy(() -> go.compareTo(rpm)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot compare Go version '1.0.0' with RPM version '1.0.0'");
    }

    @Test
    void invalidVersionSaysWhy() {
        assertThatThrownBy(() -> GoVersionScheme.INSTANCE.parse("v1.02.3"))
                .hasMessage("invalid Go version 'v1.02.3': minor version '02' has a leading zero");
    }
}
