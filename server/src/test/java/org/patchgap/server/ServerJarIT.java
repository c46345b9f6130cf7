package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server, started as a user starts it, driven over HTTP. */
class ServerJarIT {

    @Test
    void firstStartPrintsTheUrlAndOneAdministratorKeyAndTheDataSurvivesARestart(@TempDir Path data) throws Exception {
        String key;
        try (ServerProcess server = ServerProcess.start("--data", data.toString(), "--port", "0")) {
            server.awaitReady(Duration.ofSeconds(90));
            key = server.key;
            assertThat(key).as(String.join("\n", server.output)).startsWith("pgk_");
            Api api = server.api(key);
            try (Stream<Path> files = Files.list(Repo.examples("advisories/osv"))) {
                for (Path f : files.sorted().toList()) {
                    assertThat(api.post("/api/v1/advisories?filename=" + f.getFileName(), f).status()).isEqualTo(200);
                }
            }
            Api.Response up = api.put("/api/v1/targets/shop-backend/inventory?filename=shop-backend.cdx.json",
                    Repo.examples("inventories/shop-backend.cdx.json"));
            assertThat(up.status()).as(up.body()).isEqualTo(200);
            assertThat(up.json().at("/findings/open").asInt()).isEqualTo(4);
            assertThat(api.get("/api/v1/openapi.json").json().at("/info/title").asText()).isEqualTo("Patchgap fleet server API");
            assertThat(server.output).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
        }
        try (ServerProcess again = ServerProcess.start("--data", data.toString(), "--port", "0")) {
            again.awaitReady(Duration.ofSeconds(90));
            assertThat(again.key).as("a key is printed on the first start only").isNull();
            JsonNode findings = again.api(key).get("/api/v1/findings?target=shop-backend").json();
            assertThat(findings.get("total").asInt()).isEqualTo(4);
            assertThat(again.api("pgk_wrong").get("/api/v1/findings").status()).isEqualTo(401);
        }
    }

    @Test
    void aWrongCommandLineIsOneLineAndExitCode2() throws Exception {
        try (ServerProcess server = ServerProcess.start("--port", "http")) {
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(server.output.get(0)).isEqualTo("patchgap serve: --port takes a number from 0 to 65535: http");
            assertThat(server.output).noneMatch(l -> l.contains("Exception"));
        }
        try (ServerProcess server = ServerProcess.start("--db-url", "mysql://x")) {
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineNotAStackTrace(@TempDir Path data) throws Exception {
        try (ServerProcess server = ServerProcess.start("--data", data.toString(), "--port", "0", "--db-url",
                "jdbc:postgresql://127.0.0.1:1/none")) {
            assertThat(server.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
            String last = server.output.get(server.output.size() - 1);
            assertThat(last).startsWith("patchgap serve: cannot start: ");
            assertThat(server.output).noneMatch(l -> l.startsWith("\tat "));
        }
    }

    @Test
    void theDemoLoadsTheFleetHistory(@TempDir Path data) throws Exception {
        try (ServerProcess server = ServerProcess.start("--data", data.toString(), "--port", "0", "--demo",
                "--patchgap.examples=" + Repo.examples(""))) {
            server.awaitReady(Duration.ofSeconds(120));
            assertThat(server.output).anyMatch(l -> l.contains("demo loaded"));
            JsonNode gap = server.api(server.key).get("/api/v1/patch-gap?vulnerability=MS17-010").json();
            assertThat(gap.at("/fixPublished").asText()).startsWith("2017-03-14");
            assertThat(gap.at("/exposedTargets/series/0/date").asText()).isEqualTo("2017-03-14");
            assertThat(gap.at("/exposedTargets/series/0/targets").asInt()).isGreaterThan(gap.at("/exposedTargets/now").asInt());
            assertThat(gap.at("/daysFromFixToResolved/resolved").asInt()).isPositive();
            assertThat(gap.at("/kevPastDue/count").asInt()).isPositive();
            JsonNode log4shell = server.api(server.key).get("/api/v1/patch-gap?vulnerability=CVE-2021-44228").json();
            assertThat(log4shell.at("/exposedTargets/series/0/date").asText()).isEqualTo("2021-12-10");
        }
    }
}
