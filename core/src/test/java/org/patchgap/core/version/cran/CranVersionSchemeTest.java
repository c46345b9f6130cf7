package org.patchgap.core.version.cran;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class CranVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(CranVersionScheme.INSTANCE, "versions/cran-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(CranVersionScheme.INSTANCE, "versions/cran-invalid.txt");
    }

    @Test
    void orderLawsHoldOnFixtureVersions() throws Exception {
        OrderFixtures.assertOrderLaws(CranVersionScheme.INSTANCE, "versions/cran-order.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("CRAN")).containsSame(CranVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Bioconductor")).containsSame(CranVersionScheme.INSTANCE);
    }
}
