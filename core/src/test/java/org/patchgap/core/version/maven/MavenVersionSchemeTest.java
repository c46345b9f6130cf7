package org.patchgap.core.version.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;

class MavenVersionSchemeTest {

    private static final MavenVersionScheme SCHEME = MavenVersionScheme.INSTANCE;

    @Test
    void equalVersionsShareMavensCanonicalForm() throws InvalidVersionException {
        Version a = SCHEME.parse("1.0.0-GA");
        Version b = SCHEME.parse("1");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(((MavenVersion) SCHEME.parse("1.0-SNAPSHOT")).canonical()).isEqualTo("1-snapshot");
    }

    @Test
    void reasonsNameTheOffendingCharacter() {
        assertThatThrownBy(() -> SCHEME.parse("[1.0,2.0)")).isInstanceOf(InvalidVersionException.class)
                .hasMessage("invalid Maven version '[1.0,2.0)': contains '[': version range syntax, not a version");
        assertThatThrownBy(() -> SCHEME.parse("1.0 beta")).hasMessageEndingWith("contains white space at index 3");
        assertThatThrownBy(() -> SCHEME.parse("1.0/beta"))
                .hasMessageEndingWith("contains '/', which Maven does not allow in a version");
        assertThatThrownBy(() -> SCHEME.parse("")).hasMessageEndingWith("empty version");
    }

    /**
     * Maven's ComparableVersion (3.9) is not transitive when hyphen sub-lists meet qualifiers after a zero. We
     * follow Maven pairwise, so neither are we (docs/versions.md); if a Maven upgrade fixes it, this test says so.
     */
    @Test
    void comparableVersionIsNotTransitiveAndNeitherAreWe() throws InvalidVersionException {
        String a = "1.0";
        String b = "1.0-1";
        String c = "1.0.alpha.0";
        assertThat(new ComparableVersion(a).compareTo(new ComparableVersion(b))).isNegative();
        assertThat(new ComparableVersion(b).compareTo(new ComparableVersion(c))).isNegative();
        assertThat(new ComparableVersion(a).compareTo(new ComparableVersion(c))).isPositive();

        assertThat(SCHEME.parse(a).compareTo(SCHEME.parse(b))).isNegative();
        assertThat(SCHEME.parse(b).compareTo(SCHEME.parse(c))).isNegative();
        assertThat(SCHEME.parse(a).compareTo(SCHEME.parse(c))).isPositive();
    }
}
