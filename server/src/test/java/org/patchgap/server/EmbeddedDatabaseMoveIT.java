package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory an earlier version filled with H2 (its default database before ADR 0016) is moved into HSQLDB at
 * the first start without {@code --db-url}: everything it held is there after, and new rows get new ids.
 */
class EmbeddedDatabaseMoveIT {

    /** The database URL versions before ADR 0016 used when no --db-url was given. */
    private static final String OLD_DEFAULT = "jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void anH2DataDirectoryIsMovedOnceWithEverythingItHeld(@TempDir Path data) throws Exception {
        String key;
        String caseId;
        JsonNode auditBefore;
        try (ServerProcess old = ServerProcess.start("--data", data.toString(), "--port", "0", "--db-url",
                OLD_DEFAULT.formatted(data.resolve("fleet")))) {
            old.awaitReady(Duration.ofSeconds(90));
            key = old.key;
            Api admin = old.api(key);
            try (Stream<Path> files = Files.list(Repo.examples("advisories/osv"))) {
                for (Path f : files.sorted().toList()) {
                    assertThat(admin.post("/api/v1/advisories?filename=" + f.getFileName(), f).status()).isEqualTo(200);
                }
            }
            assertThat(admin.put("/api/v1/targets/shop-backend/inventory?filename=shop-backend.cdx.json",
                    Repo.examples("inventories/shop-backend.cdx.json")).status()).isEqualTo(200);
            assertThat(admin.postJson("/api/v1/teams", Map.of("name", "cert")).status()).isEqualTo(201);
            assertThat(admin.putJson("/api/v1/teams/cert/coordinator", "{\"coordinator\": true}").status()).isEqualTo(200);
            Api coordinator = admin.as(admin.postJson("/api/v1/keys", Map.of("team", "cert", "role", "member", "name", "c"))
                    .json().get("key").asText());
            caseId = admin.as(null).postJson("/api/v1/reports", Map.of("title", "traversal", "description", "details",
                    "products", List.of(Map.of("vendor", "Acme", "product", "left-widget")))).json().get("case").asText();
            assertThat(coordinator.postJson("/api/v1/cases/" + caseId + "/triage", Map.of("decision", "accept")).status())
                    .isEqualTo(200);
            auditBefore = coordinator.get("/api/v1/cases/" + caseId + "/audit").json();
            assertThat(auditBefore.get("intact").asBoolean()).isTrue();
        }
        assertThat(data.resolve("fleet.mv.db")).isRegularFile();
        // What a move that crashed halfway leaves: it is thrown away and done again.
        Files.createDirectories(data.resolve("database.partial"));
        Files.writeString(data.resolve("database.partial/fleet.script"), "not a database");

        try (ServerProcess moved = ServerProcess.start("--data", data.toString(), "--port", "0")) {
            moved.awaitReady(Duration.ofSeconds(90));
            String log = String.join("\n", moved.output);
            assertThat(log).contains("moving the embedded database", "from H2 to HSQLDB", "case_audit");
            assertThat(moved.key).as("the administrator key was moved, so none is made").isNull();
            Api admin = moved.api(key);
            assertThat(admin.get("/api/v1/findings?target=shop-backend").json().get("total").asInt()).isEqualTo(4);
            JsonNode audit = admin.as(admin.postJson("/api/v1/keys", Map.of("team", "cert", "role", "member", "name", "c2"))
                    .json().get("key").asText()).get("/api/v1/cases/" + caseId + "/audit").json();
            assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
            assertThat(audit.get("entries")).isEqualTo(auditBefore.get("entries"));
            Api.Response second = admin.put("/api/v1/targets/shop-frontend/inventory?filename=shop-backend.cdx.json",
                    Repo.examples("inventories/shop-backend.cdx.json"));
            assertThat(second.status()).as("ids after the moved ones: " + second.body()).isEqualTo(200);
            assertThat(log).doesNotContain("Exception");
        }
        assertThat(data.resolve("fleet.mv.db")).doesNotExist();
        assertThat(data.resolve("fleet.mv.db.moved-to-hsqldb")).isRegularFile();
        assertThat(data.resolve("database.partial")).doesNotExist();

        try (ServerProcess again = ServerProcess.start("--data", data.toString(), "--port", "0")) {
            again.awaitReady(Duration.ofSeconds(90));
            assertThat(again.output).noneMatch(l -> l.contains("moving"));
            assertThat(again.api(key).get("/api/v1/findings").json().get("total").asInt()).isEqualTo(8);
        }
    }

    @Test
    void anH2FileThatCannotBeReadIsSaidInOneLineAndKept(@TempDir Path data) throws Exception {
        byte[] garbage = "not an H2 database".repeat(500).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(data.resolve("fleet.mv.db"), garbage);
        try (ServerProcess server = ServerProcess.start("--data", data.toString(), "--port", "0")) {
            assertThat(server.awaitExit(Duration.ofSeconds(90))).isEqualTo(1);
            assertThat(server.output).anyMatch(l -> l.startsWith("patchgap serve: could not move the H2 database ("))
                    .anyMatch(l -> l.startsWith("patchgap serve: cannot start: "))
                    .noneMatch(l -> l.startsWith("\tat "));
        }
        assertThat(Files.readAllBytes(data.resolve("fleet.mv.db"))).as("the H2 file is left as it was").isEqualTo(garbage);
        assertThat(data.resolve("database")).doesNotExist();
    }
}
