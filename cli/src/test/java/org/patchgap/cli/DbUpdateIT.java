package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.cli.CliProcess.Run;

/** {@code patchgap db update} against a local HTTP server, then {@code db status}, as a user runs them. */
class DbUpdateIT {

    @Test
    void aSourceThatNeverSucceededIsReportedAsSuchNotAsOld(@TempDir Path db) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            Map<String, String> env = Map.of("PATCHGAP_OSV_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Run update = CliProcess.run(db, env, "", "db", "update", "--db", db.toString(), "--source", "osv:Nowhere");
            assertThat(update.exit()).as(update.err()).isEqualTo(2);
            assertThat(update.out()).contains("osv:Nowhere: FAILED, previous data kept:").contains("HTTP 404");

            Run status = CliProcess.run(db, Map.of(), "", "db", "status", "--db", db.toString());
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.err()).contains(
                    "patchgap: warning: source osv:Nowhere has never been updated successfully; run 'patchgap db update'")
                    .doesNotContain("older than");
        } finally {
            server.stop(0);
        }
    }
}
