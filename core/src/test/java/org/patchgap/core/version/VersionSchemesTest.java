package org.patchgap.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.deb.DebianVersionScheme;
import org.patchgap.core.version.generic.GenericVersionScheme;
import org.patchgap.core.version.maven.MavenVersionScheme;
import org.patchgap.core.version.npm.NpmVersionScheme;
import org.patchgap.core.version.pypi.PypiVersionScheme;

class VersionSchemesTest {

    @Test
    void eachEcosystemFindsItsScheme() {
        assertThat(VersionSchemes.find("Maven")).containsSame(MavenVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("npm")).containsSame(NpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("PyPI")).containsSame(PypiVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Debian")).containsSame(DebianVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Ubuntu")).containsSame(DebianVersionScheme.INSTANCE);
        assertThat(VersionSchemes.known()).containsExactly("AlmaLinux", "Alpine", "Azure Linux", "Bioconductor",
                "Chainguard", "CRAN", "crates.io", "Debian", "Go", "Hackage", "Hex", "Mageia", "Maven", "npm", "NuGet",
                "openEuler", "openSUSE", "Packagist", "Photon OS", "Pub", "PyPI", "Red Hat", "Rocky Linux", "RubyGems",
                "SUSE", "SwiftURL", "Ubuntu", "Windows", "Wolfi");
    }

    @Test
    void releaseSuffixAndCaseDoNotMatter() {
        assertThat(VersionSchemes.find("Debian:12")).containsSame(DebianVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Ubuntu:22.04:LTS")).containsSame(DebianVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("pypi")).containsSame(PypiVersionScheme.INSTANCE);
        assertThat(VersionSchemes.canonicalName("pypi:x")).isEqualTo("PyPI:x");
        assertThat(VersionSchemes.canonicalName("NPM")).isEqualTo("npm");
    }

    @Test
    void unknownEcosystemFallsBackToTheInexactGenericOrder() {
        assertThat(VersionSchemes.find("ConanCenter")).isEmpty();
        assertThat(VersionSchemes.forEcosystem("ConanCenter")).isSameAs(GenericVersionScheme.INSTANCE);
        assertThat(VersionSchemes.forEcosystem("ConanCenter").exact()).isFalse();
        assertThat(VersionSchemes.forEcosystem("Maven").exact()).isTrue();
    }

    @Test
    void comparingVersionsOfTwoSchemesIsAnError() throws InvalidVersionException {
        Version debian = DebianVersionScheme.INSTANCE.parse("1.0");
        Version pypi = PypiVersionScheme.INSTANCE.parse("1.0");
        assertThatThrownBy(() -> debian.compareTo(pypi))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare Debian version '1.0' with PyPI version '1.0'");
        assertThat(debian).isNotEqualTo(pypi);
    }
}
