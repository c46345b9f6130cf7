package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.server.Fixtures.Pkg;

/**
 * A Patchgap CLI subscribes to the disclosure service as to any CSAF provider: the packaged server runs, a case is
 * reported, triaged and published over its API, then the packaged CLI's {@code patchgap db update --source csaf:...}
 * reads the provider (metadata, changes.csv, each document with its SHA-512 and OpenPGP signature checked against
 * the key the metadata lists) and {@code patchgap scan} finds the published flaw in an SBOM.
 */
class CsafSubscriptionIT {

    private static final Path CLI_JAR = Path.of(System.getProperty("patchgap.cli.jar", "../cli/target/patchgap.jar"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCliSubscribesToThePublishedAdvisories(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(CLI_JAR), "no CLI jar at " + CLI_JAR + " (build the cli module first)");
        try (ServerProcess server = ServerProcess.start("--data", dir.resolve("server").toString(), "--port", "0")) {
            server.awaitReady(Duration.ofMinutes(2));
            Api admin = server.api(server.key);
            assertThat(admin.postJson("/api/v1/teams", Map.of("name", "cert")).status()).isEqualTo(201);
            assertThat(admin.putJson("/api/v1/teams/cert/coordinator", "{\"coordinator\": true}").status()).isEqualTo(200);
            Api coordinator = admin.as(admin.postJson("/api/v1/keys", Map.of("team", "cert", "role", "member", "name", "c"))
                    .json().get("key").asText());
            Api anonymous = admin.as(null);
            String id = anonymous.postJson("/api/v1/reports", Map.of("title", "traversal", "description", "details",
                    "products", List.of(Map.of("vendor", "Acme", "product", "left-widget")))).json().get("case").asText();
            assertThat(coordinator.postJson("/api/v1/cases/" + id + "/triage", Map.of("decision", "accept")).status())
                    .isEqualTo(200);
            String draft = """
                    {"title": "Path traversal in left-widget", "summary": "Upgrade left-widget to 2.0.1.",
                     "cve": "CVE-2099-7002", "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                     "products": [{"vendor": "Acme", "name": "left-widget", "purl": "pkg:npm/left-widget",
                                   "affected": [{"introduced": "2.0.0", "fixed": "2.0.1"}]}]}
                    """;
            JsonNode check = coordinator.putJson("/api/v1/cases/" + id + "/advisory", draft).json();
            assertThat(check.get("problems").toString()).isEqualTo("[]");
            Api.Response published = coordinator.post("/api/v1/cases/" + id + "/publish", new byte[0]);
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
            String advisory = published.json().get("advisoryId").asText();

            Path db = dir.resolve("db");
            Run update = cli("db", "update", "--db", db.toString(), "--source",
                    "csaf:" + server.url + ".well-known/csaf/provider-metadata.json");
            assertThat(update.exit).as(update.output).isZero();
            assertThat(update.output).doesNotContain("rejected", "signatures are not checked");

            Path sbom = dir.resolve("app.cdx.json");
            Files.write(sbom, Fixtures.sbom("app", new Pkg("left-widget", "2.0.0"), new Pkg("right-widget", "1.0.0")));
            Run scan = cli("scan", sbom.toString(), "--db", db.toString(), "--format", "json");
            assertThat(scan.exit).as(scan.output).isEqualTo(1);
            assertThat(scan.output).contains("CVE-2099-7002", advisory, "2.0.1");
        }
    }

    private record Run(int exit, String output) {}

    private static Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI_JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
