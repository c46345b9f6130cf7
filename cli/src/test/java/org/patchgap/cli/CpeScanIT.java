package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchgap.cli.CliProcess.Run;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, with the packaged jar: a CycloneDX SBOM whose components have only a CPE is matched against NVD's
 * CPE criteria, read from an NVD CVE API page given with {@code --advisories}, and from a database that
 * {@code db update --source nvd} filled from a local stand-in for the API.
 */
class CpeScanIT {

    @Test
    void aCpeOnlyComponentIsMatchedAgainstAnNvdPage() throws Exception {
        Run run = patchgap(Map.of(), "scan", "--advisories", fixture("nvd-page.json").toString(), "--format", "json",
                fixture("appliance.cdx.json").toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertFindings(new ObjectMapper().readTree(run.out()));
    }

    @Test
    void aCpeOnlyComponentIsMatchedAgainstTheDatabase(@TempDir Path db) throws Exception {
        byte[] page = Files.readAllBytes(fixture("nvd-page.json"));
        HttpServer nvd = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> requests = new ArrayList<>();
        nvd.createContext("/rest/json/cves/2.0", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        nvd.start();
        try {
            Map<String, String> env = Map.of(
                    "PATCHGAP_NVD_URL", "http://127.0.0.1:" + nvd.getAddress().getPort() + "/rest/json/cves/2.0",
                    "PATCHGAP_NVD_DELAY_MS", "0");
            Run update = patchgap(env, "db", "update", "--source", "nvd", "--db", db.toString());
            assertThat(update.exit()).as(update.out() + update.err()).isZero();
            assertThat(requests).singleElement().satisfies(r -> assertThat(r).contains("startIndex=0"));
        } finally {
            nvd.stop(0);
        }

        Run run = patchgap(Map.of(), "scan", "--db", db.toString(), "--format", "json",
                fixture("appliance.cdx.json").toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertFindings(new ObjectMapper().readTree(run.out()));
    }

    @Test
    void inventoryShowsTheCpe() throws Exception {
        Run run = patchgap(Map.of(), "inventory", "--format", "json", fixture("appliance.cdx.json").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode components = new ObjectMapper().readTree(run.out()).at("/targets/0/components");
        assertThat(components.get(0).get("cpe").asText()).isEqualTo("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
        assertThat(components.get(1).get("cpe").asText()).isEqualTo("cpe:/a:openbsd:openssh:9.9");
        assertThat(components.get(0).get("ecosystem").isNull()).isTrue();
    }

    /** httpd 2.4.49 by its CPE: CVE-2021-41773 names that version; CVE-2021-44790 covers up to 2.4.51. */
    private static void assertFindings(JsonNode report) {
        List<String> rows = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            rows.add(String.join(" | ", f.at("/package/name").asText(), f.at("/vulnerability/id").asText(),
                    f.at("/severity/level").asText(), f.get("evidence").asText(), f.get("exactOrder").asText(),
                    f.get("fixedVersions").toString()));
        }
        assertThat(rows).containsExactlyInAnyOrder(
                "Apache HTTP Server | CVE-2021-44790 | critical | CPE cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*,"
                        + " versions [0, 2.4.51] | false | []",
                "Apache HTTP Server | CVE-2021-41773 | high | CPE cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*"
                        + " (version 2.4.49) | false | []");
        assertThat(report.at("/summary/componentsUnmatchable").asInt()).isZero();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CpeScanIT.class.getResource("/cpe/" + name).toURI());
    }

    private static Run patchgap(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return CliProcess.run(CliProcess.REPO, env, "", args);
    }
}
