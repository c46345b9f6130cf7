package org.patchgap.core.version.hackage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class HackageVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Hackage")).containsSame(HackageVersionScheme.INSTANCE);
    }
}
