package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patchgap advisories msrc}: months fetched from a local server playing the MSRC CVRF API (the repository's
 * MS17-010 document served as 2017-Mar), then scanned against the demo fleet.
 */
class AdvisoriesMsrcCommandTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> accepted = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        byte[] march = Files.readAllBytes(Path.of(Cli.example("advisories/microsoft/MS17-010.xml")));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cvrf/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                accepted.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
                if (path.equals("/cvrf/2017-Mar")) {
                    exchange.sendResponseHeaders(200, march.length);
                    exchange.getResponseBody().write(march);
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cvrf";
    }

    @Test
    void downloadsAMonthThatScanThenReads() {
        Path to = dir.resolve("msrc");

        Cli.Result fetched = Cli.run("advisories", "msrc", "2017-mar", "--to", to.toString(), "--url", base());

        assertThat(fetched.exit()).as(fetched.err()).isZero();
        assertThat(fetched.out()).startsWith("2017-Mar: 6 Windows vulnerabilities, ")
                .contains("-> " + to.resolve("2017-Mar.xml"))
                .contains("advisories: " + to + " (1 of 1 months;");
        assertThat(accepted).containsEntry("/cvrf/2017-Mar", "application/xml");

        Cli.Result scan = Cli.run("scan", "--advisories", to.toString(),
                Cli.example("inventories/windows/win7-fin01-systeminfo.txt"));

        assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
        assertThat(scan.out()).contains("WIN7-FIN01").contains("CVE-2017-0144").contains("KB4012212");
    }

    @Test
    void aMonthThatIsNotPublishedFailsTheRunButKeepsTheOthers() {
        Path to = dir.resolve("msrc");

        Cli.Result fetched = Cli.run("advisories", "msrc", "2017-Feb..2017-Mar", "--to", to.toString(),
                "--url", base());

        assertThat(fetched.exit()).isEqualTo(2);
        assertThat(fetched.err()).contains("patchgap: msrc 2017-Feb from " + base() + "/2017-Feb: HTTP 404 (not found)");
        assertThat(fetched.out()).contains("2017-Mar: 6 Windows vulnerabilities").contains("(1 of 2 months;");
        assertThat(to.resolve("2017-Mar.xml")).exists();
        assertThat(to.resolve("2017-Feb.xml")).doesNotExist();
    }

    @Test
    void aMonthThatIsNotAMonthIsAUsageError() {
        Cli.Result fetched = Cli.run("advisories", "msrc", "2017-Mrz", "--to", dir.toString(), "--url", base());

        assertThat(fetched.exit()).isEqualTo(2);
        assertThat(fetched.err()).startsWith("patchgap: '2017-Mrz' is not a month of the Security Update Guide");
        assertThat(accepted).isEmpty();
    }

    @Test
    void withoutASubcommandItSaysWhichThereAre() {
        Cli.Result r = Cli.run("advisories");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give a subcommand: msrc");
    }
}
