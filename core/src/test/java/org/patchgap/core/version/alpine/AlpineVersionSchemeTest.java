package org.patchgap.core.version.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
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
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Alpine")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Alpine:v3.19")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Wolfi")).containsSame(AlpineVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Chainguard")).containsSame(AlpineVersionScheme.INSTANCE);
    }
}
