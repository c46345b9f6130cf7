package org.patchgap.core.version.nuget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class NuGetVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("NuGet")).containsSame(NuGetVersionScheme.INSTANCE);
    }
}
