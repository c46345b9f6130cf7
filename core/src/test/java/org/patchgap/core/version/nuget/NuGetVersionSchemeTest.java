package org.patchgap.core.version.nuget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class NuGetVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(NuGetVersionScheme.INSTANCE, "versions/nuget-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(NuGetVersionScheme.INSTANCE, "versions/nuget-invalid.txt");
    }

    @Test
    void orderLawsHoldOnFixtureVersions() throws Exception {
        OrderFixtures.assertOrderLaws(NuGetVersionScheme.INSTANCE, "versions/nuget-order.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("NuGet")).containsSame(NuGetVersionScheme.INSTANCE);
    }
}
