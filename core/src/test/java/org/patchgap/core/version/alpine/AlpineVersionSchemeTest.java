package org.patchgap.core.version.alpine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class AlpineVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Alpine")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Alpine:v3.19")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Wolfi")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Chainguard")).containsSame(AlpineVersionScheme.INSTANCE);
    }

    @Test
    void invalidVersionSaysWhy() {
        assertThatThrownBy(() -> AlpineVersionScheme.INSTANCE.parse("1.0_foo"))
                .hasMessageStartingWith("invalid Alpine version '1.0_foo': unknown suffix '_foo'");
        assertThatThrownBy(() -> AlpineVersionScheme.INSTANCE.parse("1.0-1"))
                .hasMessage("invalid Alpine version '1.0-1': '-' must start a revision '-rN'");
    }
}
