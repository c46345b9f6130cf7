package org.patchgap.core.version.swifturl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class SwiftUrlVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(SwiftUrlVersionScheme.INSTANCE, "versions/swifturl-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(SwiftUrlVersionScheme.INSTANCE, "versions/swifturl-invalid.txt");
    }

    @Test
    void orderLawsHoldOnFixtureVersions() throws Exception {
        OrderFixtures.assertOrderLaws(SwiftUrlVersionScheme.INSTANCE, "versions/swifturl-order.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("SwiftURL")).containsSame(SwiftUrlVersionScheme.INSTANCE);
    }
}
