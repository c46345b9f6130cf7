package org.patchgap.core.version.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class WindowsVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(WindowsVersionScheme.INSTANCE, "versions/windows-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(WindowsVersionScheme.INSTANCE, "versions/windows-invalid.txt");
    }

    @Test
    void orderLawsHoldOnFixtureVersions() throws Exception {
        OrderFixtures.assertOrderLaws(WindowsVersionScheme.INSTANCE, "versions/windows-order.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Windows")).containsSame(WindowsVersionScheme.INSTANCE);
    }
}
