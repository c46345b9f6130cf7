package org.patchgap.formats.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Target;

/** What the osquery case table does not show: the host target's name and facts. */
class OsqueryReaderTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(OsqueryReaderTest.class.getResource("/readers/os/osquery-json/" + name).toURI());
    }

    @Test
    void aHostIsNamedByItsHostnameAndCarriesItsRelease() throws Exception {
        Target host = new OsqueryReader().read(fixture("host.json")).items().get(0);
        assertThat(host.name()).isEqualTo("web-01");
        assertThat(host.kind()).isEqualTo(Target.Kind.HOST);
        assertThat(host.host()).isNotNull();
        assertThat(host.host().osName()).isEqualTo("Ubuntu");
        assertThat(host.host().osVersion()).isEqualTo("22.04");
    }

    @Test
    void patchesBecomeInstalledUpdates() throws Exception {
        Target host = new OsqueryReader().read(fixture("rpm-and-patches.json")).items().get(0);
        assertThat(host.name()).isEqualTo("AlmaLinux 9.3 (Shamrock Pampas Cat)");
        assertThat(host.host().installedUpdates()).containsExactly("KB5034441");
    }

    @Test
    void withoutOsVersionTheHostIsNamedByTheFile() throws URISyntaxException, BadInputException {
        Path file = fixture("deb-packages.json");
        Target host = new OsqueryReader().read(file).items().get(0);
        assertThat(host.name()).isEqualTo(file.toString());
        assertThat(host.host()).isNull();
    }
}
