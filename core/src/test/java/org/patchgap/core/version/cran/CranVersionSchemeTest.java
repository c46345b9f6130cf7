package org.patchgap.core.version.cran;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class CranVersionSchemeTest {

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("CRAN")).containsSame(CranVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Bioconductor")).containsSame(CranVersionScheme.INSTANCE);
    }
}
