package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

    @Test
    void theDefaultsAreAnEmbeddedDatabaseOnLoopback() throws Exception {
        Map<String, Object> p = ServerOptions.parse(new String[0], Map.of("PATCHGAP_DATA", "/srv/pg"));
        assertThat(p).containsEntry("server.port", 8080).containsEntry("server.address", "127.0.0.1")
                .containsEntry("patchgap.datadir", "/srv/pg");
        assertThat((String) p.get("spring.datasource.url")).startsWith("jdbc:hsqldb:file:/srv/pg/database/fleet;sql.syntax_pgs=true;")
                .contains(";hsqldb.write_delay=false");
        assertThat(p).containsEntry("spring.datasource.username", "SA").containsEntry(ServerOptions.EMBEDDED, true);
    }

    @Test
    void optionsAreTaken() throws Exception {
        Map<String, Object> p = ServerOptions.parse(new String[] {"--port", "9000", "--bind", "0.0.0.0", "--data", "/d",
                "--db-url", "jdbc:postgresql://db/pg", "--db-user", "u", "--demo", "--server.foo=bar"}, Map.of());
        assertThat(p).containsEntry("server.port", 9000).containsEntry("server.address", "0.0.0.0")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db/pg")
                .containsEntry("spring.datasource.username", "u").containsEntry("patchgap.demo", true)
                .containsEntry("patchgap.datadir", "/d/demo");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--port", "70000"}, Map.of()))
                .hasMessage("--port takes a number from 0 to 65535: 70000");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--data"}, Map.of())).hasMessage("--data needs a value");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--db-url", "mysql://x"}, Map.of()))
                .hasMessageStartingWith("--db-url takes a jdbc:postgresql:");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"serve"}, Map.of())).hasMessage("unknown option: serve");
    }
}
