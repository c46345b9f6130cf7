package org.patchgap.core.version.pub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class PubVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(PubVersionScheme.INSTANCE, "versions/pub-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(PubVersionScheme.INSTANCE, "versions/pub-invalid.txt");
    }

    @Test
    void orderLawsHoldOnFixtureVersions() throws Exception {
        OrderFixtures.assertOrderLaws(PubVersionScheme.INSTANCE, "versions/pub-order.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Pub")).containsSame(PubVersionScheme.INSTANCE);
    }
}
