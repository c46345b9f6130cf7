package org.patchgap.core.version.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class AlpineVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(AlpineVersionScheme.INSTANCE, "versions/alpine-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(AlpineVersionScheme.INSTANCE, "versions/alpine-invalid.txt");
    }

    @Test
    void orderLawsHoldOnFixtureVersions() throws Exception {
        OrderFixtures.assertOrderLaws(AlpineVersionScheme.INSTANCE, "versions/alpine-order.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Alpine")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Alpine:v3.19")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Wolfi")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Chainguard")).containsSame(AlpineVersionScheme.INSTANCE);
    }

    @Test
    void invalidVersionSaysWhy() {
        assertThatThrownBy(() -> AlpineVersionScheme.INSTANCE.parse("1.0_foo"))
                .hasMessageStartingWith("invalid Alpine version '1.0_foo': unknown suffix '_foo'");
        assertThatThrownBy(() -> AlpineVersionScheme.INSTANCE.parse("1.0-1"))
                .hasMessage("invalid Alpine version '1.0-1': '-' must start a revision '-rN'");
    }
}
