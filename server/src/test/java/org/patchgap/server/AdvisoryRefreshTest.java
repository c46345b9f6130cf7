package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.patchgap.server.Fixtures.Pkg;
import org.patchgap.server.fleet.AdvisoryRefresh;
import org.patchgap.store.SourceSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scheduled refresh: the CLI's own updater downloads the sources (from a local HTTP server serving an OSV
 * dump and a KEV catalog), and what changed is re-matched against the stored fleet.
 */
class AdvisoryRefreshTest extends ServerTestBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.embeddedMemory("refresh"));
        registry.add("patchgap.refresh.sources", () -> "osv:npm,kev");
        registry.add("patchgap.refresh.initial-ms", () -> "3600000");
        registry.add("patchgap.datadir", () -> "target/refresh-test-" + UUID.randomUUID());
    }

    @Autowired
    AdvisoryRefresh refresh;

    @Test
    void aRefreshTakesInWhatChangedAndReMatchesIt() throws Exception {
        String pkg = "refreshed-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        files.put("/osv/npm/all.zip", Zips.of("GHSA-" + pkg + ".json",
                Fixtures.osv("GHSA-" + pkg, "CVE-2099-6006", pkg, "0", "3.0.0", "2025-01-01T00:00:00Z")));
        files.put("/kev.json", """
                {"title": "CISA KEV", "catalogVersion": "2025.01.02", "dateReleased": "2025-01-02T00:00:00.000Z",
                 "count": 1, "vulnerabilities": [{"cveID": "CVE-2099-6006", "vendorProject": "x", "product": "y",
                 "vulnerabilityName": "z", "dateAdded": "2025-01-02", "shortDescription": "s",
                 "requiredAction": "Apply updates.", "dueDate": "2025-01-23", "knownRansomwareCampaignUse": "Unknown",
                 "notes": "", "cwes": []}]}
                """.getBytes(StandardCharsets.UTF_8));
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort();
            SourceSettings settings = SourceSettings.defaults().withEnvironment(Map.of("PATCHGAP_OSV_URL", base + "/osv/",
                    "PATCHGAP_KEV_URL", base + "/kev.json", "PATCHGAP_OSV_ECOSYSTEMS", "npm"));
            at("2025-01-01T06:00:00Z");
            member.put("/api/v1/targets/app/inventory", Fixtures.sbom("app", new Pkg(pkg, "2.0.0")));

            at("2025-01-02T06:00:00Z");
            AdvisoryRefresh.Result first = refresh.refresh(settings);
            assertThat(first.changed()).isEqualTo(1);
            assertThat(first.rematch().outcome().opened()).isEqualTo(1);
            var finding = member.get("/api/v1/findings?target=app").json().at("/findings/0");
            assertThat(finding.get("firstSeen").asText()).isEqualTo("2025-01-02T06:00:00Z");
            assertThat(finding.at("/knownExploited/dueDate").asText()).isEqualTo("2025-01-23");

            // Nothing new: nothing changes.
            AdvisoryRefresh.Result again = refresh.refresh(settings);
            assertThat(again.changed()).isZero();
            assertThat(again.rematch().targets()).isZero();

            // The record is gone from the source: it leaves the store and its finding resolves.
            files.put("/osv/npm/all.zip", Zips.of("README.json", "{}".getBytes(StandardCharsets.UTF_8)));
            at("2025-02-01T00:00:00Z");
            AdvisoryRefresh.Result gone = refresh.refresh(settings);
            assertThat(gone.removed()).as(gone.update().toString()).isEqualTo(1);
            assertThat(gone.rematch().outcome().resolved()).isEqualTo(1);
            assertThat(member.get("/api/v1/findings?target=app&status=resolved").json().at("/findings/0/resolvedAt").asText())
                    .isEqualTo(Instant.parse("2025-02-01T00:00:00Z").toString());
        } finally {
            http.stop(0);
        }
    }
}
