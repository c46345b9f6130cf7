package org.patchgap.core.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.OrderFixtures;
import org.patchgap.core.version.VersionSchemes;

class RpmVersionSchemeTest {

    @TestFactory
    Stream<DynamicTest> orderFixtures() {
        return OrderFixtures.order(RpmVersionScheme.INSTANCE, "versions/rpm-order.txt");
    }

    @TestFactory
    Stream<DynamicTest> invalidFixtures() {
        return OrderFixtures.invalid(RpmVersionScheme.INSTANCE, "versions/rpm-invalid.txt");
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("AlmaLinux")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Azure Linux")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Mageia")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("openEuler")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("openSUSE")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Photon OS")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Red Hat")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Rocky Linux")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("SUSE")).containsSame(RpmVersionScheme.INSTANCE);
        assertThat(VersionSchemes.find("Red Hat:enterprise linux:9")).containsSame(RpmVersionScheme.INSTANCE);
    }
}
