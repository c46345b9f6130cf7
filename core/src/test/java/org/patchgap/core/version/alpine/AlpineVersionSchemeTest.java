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
    void refusesOnlyTextWithoutALeadingNumber() {
        assertThatThrownBy(() -> AlpineVersionScheme.INSTANCE.parse("v1"))
                .hasMessage("invalid Alpine version 'v1': a version must start with a digit");
        assertThatThrownBy(() -> AlpineVersionScheme.INSTANCE.parse(""))
                .hasMessage("invalid Alpine version '': empty version");
    }

    @Test
    void versionsApkDoesNotValidateAreComparedNotRefused() throws Exception {
        // Each of these made the component unmatched before; apk itself compares them.
        for (String text : new String[] {"5.1p1-r0", "1.7.4p6-r1", "1.0_foo", "1.0-1", "0.9.8za", "1.0-r"}) {
            assertThat(AlpineVersionScheme.INSTANCE.parse(text).toString()).isEqualTo(text);
        }
    }
}
