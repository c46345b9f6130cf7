package org.patchgap.server.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.patchgap.server.Api;
import org.patchgap.server.ServerTestBase;
import org.patchgap.server.auth.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every disclosure endpoint and page x every kind of caller x cases in each state (reported, embargoed, published):
 * a caller who does not take part in a case gets exactly the answer a case that does not exist gets (same status,
 * same body but for the id), it is not in their lists or counts, and nothing they send changes anything. Participants
 * get what their party allows, and read-only accounts never write.
 */
class DisclosureAuthorizationMatrixTest extends ServerTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> org.patchgap.server.TestDatabases.embeddedMemory("disclosure-matrix"));
    }

    @Autowired
    JdbcTemplate jdbc;

    private static final String NOBODY = "PGC-" + "q".repeat(26);

    /** Each request a caller can make about a case, by name. */
    private static Map<String, BiFunction<Api, String, Api.Response>> requests() {
        Map<String, BiFunction<Api, String, Api.Response>> r = new LinkedHashMap<>();
        r.put("GET case", (api, id) -> api.get("/api/v1/cases/" + id));
        r.put("GET audit", (api, id) -> api.get("/api/v1/cases/" + id + "/audit"));
        r.put("GET advisory", (api, id) -> api.get("/api/v1/cases/" + id + "/advisory"));
        r.put("GET uptake", (api, id) -> api.get("/api/v1/cases/" + id + "/uptake"));
        r.put("GET attachment", (api, id) -> api.get("/api/v1/cases/" + id + "/attachments/1"));
        r.put("POST triage", (api, id) -> api.postJson("/api/v1/cases/" + id + "/triage", Map.of("decision", "decline",
                "reason", "x")));
        r.put("POST vendors", (api, id) -> api.postJson("/api/v1/cases/" + id + "/vendors", Map.of("team", "admins")));
        r.put("POST vendor-status", (api, id) -> api.postJson("/api/v1/cases/" + id + "/vendor-status",
                Map.of("status", "fixed", "statement", "x")));
        r.put("POST message", (api, id) -> api.postJson("/api/v1/cases/" + id + "/messages", Map.of("body", "hello")));
        r.put("POST attachment", (api, id) -> api.post("/api/v1/cases/" + id + "/attachments?filename=a.txt",
                "x".getBytes(StandardCharsets.UTF_8)));
        r.put("POST embargo", (api, id) -> api.postJson("/api/v1/cases/" + id + "/embargo", Map.of("until", "2017-12-01",
                "reason", "x")));
        r.put("PUT advisory", (api, id) -> api.putJson("/api/v1/cases/" + id + "/advisory", "{}"));
        r.put("POST publish", (api, id) -> api.post("/api/v1/cases/" + id + "/publish", new byte[0]));
        return r;
    }

    @Test
    void nonParticipantsLearnNothing() {
        DisclosureSetup p = new DisclosureSetup(admin, base(), this::keyFor);
        String reported = p.report("reported, not triaged").get("case").asText();
        JsonNode embargoedReport = p.report("embargoed");
        String embargoed = embargoedReport.get("case").asText();
        String published = p.report("published").get("case").asText();
        p.coordinator.postJson("/api/v1/cases/" + embargoed + "/triage", Map.of("decision", "accept"));
        p.coordinator.postJson("/api/v1/cases/" + embargoed + "/vendors", Map.of("team", p.vendorA));
        p.coordinator.postJson("/api/v1/cases/" + published + "/triage", Map.of("decision", "accept"));
        p.coordinator.postJson("/api/v1/cases/" + published + "/vendors", Map.of("team", p.vendorA));
        p.coordinator.putJson("/api/v1/cases/" + published + "/advisory", p.draft());
        assertThat(p.coordinator.post("/api/v1/cases/" + published + "/publish", new byte[0]).status()).isEqualTo(200);

        // A second coordinator team sees untriaged reports (any coordinator may take one), never another's cases.
        String otherCert = "cert2-" + UUID.randomUUID().toString().substring(0, 8);
        Api otherCoordinator = new Api(base(), keyFor(otherCert, Role.MEMBER));
        admin.putJson("/api/v1/teams/" + otherCert + "/coordinator", "{\"coordinator\": true}");
        Api otherReporter = new Api(base(), p.report("someone else's").get("token").asText());

        Map<String, Api> outsiders = new LinkedHashMap<>();
        outsiders.put("no key", p.anonymous);
        outsiders.put("outsider member", p.outsider);
        outsiders.put("outsider read-only", new Api(base(), keyFor("outsider2-" + p.npmPackage, Role.READONLY)));
        outsiders.put("server administrator", p.outsiderAdmin);
        outsiders.put("vendor not invited", p.vendorBMember);
        outsiders.put("reporter of another case", otherReporter);
        outsiders.put("another coordinator team", otherCoordinator);
        outsiders.put("revoked-looking token", new Api(base(), "pgr_" + "A".repeat(43)));

        int auditBefore = DisclosureSetup.count(jdbc, "SELECT COUNT(*) FROM case_audit");
        int checks = 0;
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Api> who : outsiders.entrySet()) {
            for (String id : List.of(reported, embargoed, published)) {
                if (id.equals(reported) && who.getKey().equals("another coordinator team")) continue; // sees it by design
                for (Map.Entry<String, BiFunction<Api, String, Api.Response>> request : requests().entrySet()) {
                    Api.Response missing = request.getValue().apply(who.getValue(), NOBODY);
                    Api.Response actual = request.getValue().apply(who.getValue(), id);
                    checks++;
                    String expected = missing.body().replace(NOBODY.substring(4), id.substring(4));
                    if (actual.status() != missing.status() || !actual.body().equals(expected)) {
                        leaks.add(who.getKey() + " " + request.getKey() + " " + id + ": " + actual + " (a missing case: " + missing + ")");
                    }
                }
            }
            Api.Response list = who.getValue().get("/api/v1/cases");
            if (list.status() == 200) {
                String body = list.body();
                for (String id : List.of(embargoed, published)) {
                    if (body.contains(id)) leaks.add(who.getKey() + " lists " + id);
                }
                if (!who.getKey().equals("another coordinator team") && !who.getKey().equals("reporter of another case")
                        && list.json().get("total").asInt() != 0) {
                    leaks.add(who.getKey() + " counts " + list.json().get("total") + " cases");
                }
            }
        }
        assertThat(leaks).as("answers that differ from a missing case's, out of " + checks).isEmpty();
        assertThat(checks).isGreaterThan(250);
        assertThat(DisclosureSetup.count(jdbc, "SELECT COUNT(*) FROM case_audit")).as("nothing changed").isEqualTo(auditBefore);

        // The public feeds hold the published advisory and nothing of the others.
        String index = p.anonymous.get("/.well-known/csaf/white/index.txt").body();
        assertThat(index.lines().count()).isEqualTo(1);
        for (String path : List.of("/.well-known/csaf/white/feed-tlp-white.json", "/.well-known/csaf/white/changes.csv",
                "/.well-known/csaf/provider-metadata.json", "/osv/all.zip", "/.well-known/security.txt")) {
            String body = new String(p.anonymous.getBytes(path), StandardCharsets.ISO_8859_1);
            for (String secret : List.of("embargoed", "reported, not triaged", embargoed, reported, published)) {
                assertThat(body).as(path).doesNotContain(secret);
            }
        }
    }

    @Test
    void participantsGetWhatTheirPartyAllows() {
        DisclosureSetup p = new DisclosureSetup(admin, base(), this::keyFor);
        JsonNode report = p.report("embargoed");
        String id = report.get("case").asText();
        Api reporter = new Api(base(), report.get("token").asText());
        // Before triage only coordinators triage; the reporter cannot accept their own report.
        assertThat(reporter.postJson("/api/v1/cases/" + id + "/triage", Map.of("decision", "accept")).status()).isEqualTo(403);
        assertThat(p.coordinatorReader.postJson("/api/v1/cases/" + id + "/triage", Map.of("decision", "accept")).status())
                .isEqualTo(403);
        assertThat(p.coordinator.postJson("/api/v1/cases/" + id + "/triage", Map.of("decision", "accept")).status()).isEqualTo(200);
        p.coordinator.postJson("/api/v1/cases/" + id + "/vendors", Map.of("team", p.vendorA));

        Map<String, Api> readers = Map.of("coordinator", p.coordinator, "coordinator read-only", p.coordinatorReader,
                "vendor", p.vendorAMember, "vendor read-only", p.vendorAReader, "reporter", reporter);
        for (Map.Entry<String, Api> r : readers.entrySet()) {
            assertThat(r.getValue().get("/api/v1/cases/" + id).status()).as(r.getKey()).isEqualTo(200);
            assertThat(r.getValue().get("/api/v1/cases").json().get("total").asInt()).as(r.getKey()).isEqualTo(1);
        }
        for (Api readOnly : List.of(p.coordinatorReader, p.vendorAReader)) {
            assertThat(readOnly.postJson("/api/v1/cases/" + id + "/messages", Map.of("body", "x")).status()).isEqualTo(403);
            assertThat(readOnly.post("/api/v1/cases/" + id + "/attachments?filename=a", new byte[] {1}).status()).isEqualTo(403);
        }
        // Coordinators' work is theirs alone.
        for (Api notCoordinator : List.of(p.vendorAMember, reporter)) {
            assertThat(notCoordinator.get("/api/v1/cases/" + id + "/audit").status()).isEqualTo(403);
            assertThat(notCoordinator.postJson("/api/v1/cases/" + id + "/vendors", Map.of("team", p.vendorB)).status()).isEqualTo(403);
            assertThat(notCoordinator.postJson("/api/v1/cases/" + id + "/embargo", Map.of("until", "2017-12-01", "reason", "x"))
                    .status()).isEqualTo(403);
            assertThat(notCoordinator.putJson("/api/v1/cases/" + id + "/advisory", p.draft()).status()).isEqualTo(403);
            assertThat(notCoordinator.post("/api/v1/cases/" + id + "/publish", new byte[0]).status()).isEqualTo(403);
        }
        assertThat(reporter.postJson("/api/v1/cases/" + id + "/vendor-status", Map.of("status", "fixed", "statement", "x"))
                .status()).isEqualTo(403);
        // A reporter's token opens nothing of the fleet.
        assertThat(reporter.get("/api/v1/targets").json().get("targets").size()).isZero();
        assertThat(reporter.get("/api/v1/teams").json().size()).isZero();
    }
}
