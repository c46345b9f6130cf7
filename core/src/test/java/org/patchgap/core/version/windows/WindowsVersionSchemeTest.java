package org.patchgap.core.version.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class WindowsVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Windows")).containsSame(WindowsVersionScheme.INSTANCE);
    }
}
