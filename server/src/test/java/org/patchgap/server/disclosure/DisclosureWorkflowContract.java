package org.patchgap.server.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchgap.formats.csaf.CsafMandatoryTests;
import org.patchgap.server.Api;
import org.patchgap.server.Fixtures;
import org.patchgap.server.Fixtures.Pkg;
import org.patchgap.server.ServerTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coordinated-disclosure workflow over HTTP, on each database: an anonymous report, triage, two vendors
 * (affected, not affected), the discussion with private notes, attachments as downloads, embargo reminders and a
 * silent vendor with the test clock, an advisory draft refused then accepted, publication, the CSAF provider and
 * OSV feed, the fleet re-matched at once, the uptake after a fix, and the audit log's chain.
 */
abstract class DisclosureWorkflowContract extends ServerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbargoWatch watch;

    DisclosureSetup p;

    @BeforeEach
    void parties() {
        p = new DisclosureSetup(admin, base(), this::keyFor);
    }

    private static String c(String id) {
        return "/api/v1/cases/" + id;
    }

    @Test
    void reportToPublicationToUptake() throws Exception {
        // The fleet: three targets with the flaw, one already past it (member's team).
        for (String target : new String[] {"web-1", "web-2", "web-3"}) {
            assertThat(member.put("/api/v1/targets/" + target + "/inventory", Fixtures.sbom(target, new Pkg(p.npmPackage, "1.3.0")))
                    .status()).isEqualTo(200);
        }
        member.put("/api/v1/targets/web-4/inventory", Fixtures.sbom("web-4", new Pkg(p.npmPackage, "1.4.2")));
        long vendorATeam = teams.byName(p.vendorA).orElseThrow().id();
        admin.postJson("/api/v1/teams/" + p.vendorA + "/channels", Map.of("kind", "webhook",
                "address", "http://127.0.0.1:9/hook", "secret", "0123456789abcdef0123"));

        // Intake: no account; the answer is the case id and the follow-up token.
        JsonNode reported = p.report("Files outside the root");
        String id = reported.get("case").asText();
        Api reporter = new Api(base(), reported.get("token").asText());
        assertThat(id).matches("PGC-[a-z2-7]{26}");

        // Before triage: coordinators and the reporter see it; nobody else, not even a vendor-to-be.
        assertThat(p.coordinator.get("/api/v1/cases?state=reported").json().get("cases").toString()).contains(id);
        assertThat(reporter.get(c(id)).json().get("party").asText()).isEqualTo("reporter");
        Api.Response missing = p.outsider.get(c("PGC-" + "a".repeat(26)));
        for (Api other : new Api[] {p.outsider, p.vendorAMember, p.outsiderAdmin}) {
            Api.Response r = other.get(c(id));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).isEqualTo(missing.body().replace("a".repeat(26), id.substring(4)));
            assertThat(other.get("/api/v1/cases").json().get("total").asInt()).as("counted for a non-participant").isZero();
        }

        // Triage into a case under a 45-day embargo (CISA's).
        Api.Response accepted = p.coordinator.postJson(c(id) + "/triage", Map.of("decision", "accept",
                "embargoUntil", "2017-04-15"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("state").asText()).isEqualTo("accepted");
        assertThat(accepted.json().get("reporter").get("anonymous").asBoolean()).isTrue();
        assertThat(p.coordinatorReader.postJson(c(id) + "/vendors", Map.of("team", p.vendorA)).status()).isEqualTo(403);
        assertThat(p.coordinator.postJson(c(id) + "/vendors", Map.of("team", p.vendorA)).status()).isEqualTo(200);
        assertThat(p.coordinator.postJson(c(id) + "/vendors", Map.of("team", p.vendorB)).status()).isEqualTo(200);

        // Vendors see it now; a vendor never sees who reported it.
        JsonNode asVendor = p.vendorAMember.get(c(id)).json();
        assertThat(asVendor.get("party").asText()).startsWith("vendor:");
        assertThat(asVendor.get("reporter").has("contact")).isFalse();
        Api.Response affected = p.vendorAMember.postJson(c(id) + "/vendor-status", Map.of("status", "affected",
                "statement", "confirmed; 1.4.2 fixes it"));
        assertThat(affected.status()).as(affected.toString()).isEqualTo(200);
        assertThat(p.vendorAReader.postJson(c(id) + "/vendor-status", Map.of("status", "fixed", "statement", "x")).status())
                .isEqualTo(403);
        assertThat(p.vendorAMember.postJson(c(id) + "/vendor-status", Map.of("team", p.vendorB, "status", "fixed",
                "statement", "x")).status()).isEqualTo(403);

        // The discussion: a shared message and a vendor's private note.
        assertThat(reporter.postJson(c(id) + "/messages", Map.of("body", "Happy to test a fix.")).status()).isEqualTo(201);
        assertThat(p.vendorAMember.postJson(c(id) + "/messages", Map.of("body", "internal: ship in 1.4.2",
                "privateNote", true)).status()).isEqualTo(201);
        assertThat(p.vendorAMember.get(c(id)).body()).contains("internal: ship in 1.4.2", "Happy to test a fix.");
        assertThat(p.coordinator.get(c(id)).body()).contains("Happy to test a fix.").doesNotContain("internal: ship");
        assertThat(p.vendorBMember.get(c(id)).body()).doesNotContain("internal: ship");
        assertThat(reporter.get(c(id)).body()).doesNotContain("internal: ship");

        // The proof of concept: a download under its base name, never rendered.
        JsonNode attachment = p.vendorAMember.get(c(id)).json().get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("poc.html");
        var download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base() + c(id) + "/attachments/" + attachment.get("id").asLong()))
                .header("Authorization", "Bearer " + keyFor(p.vendorA, org.patchgap.server.auth.Role.READONLY)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(download.body()).isEqualTo("<script>alert(1)</script>");

        // The embargo's clock: vendor B silent for 15 days, then reminders as the date nears, each once.
        at(START.plus(Duration.ofDays(15)));
        assertThat(watch.check(clock.instant())).isEqualTo(1);
        assertThat(watch.check(clock.instant())).isZero();
        at(Instant.parse("2017-04-02T09:00:00Z"));
        assertThat(watch.check(clock.instant())).isEqualTo(1); // 13 days left: the 14-day reminder
        assertThat(watch.check(clock.instant())).isZero();
        assertThat(DisclosureSetup.count(jdbc, "SELECT COUNT(*) FROM notification n JOIN notification_channel ch ON ch.id = "
                + "n.channel_id WHERE ch.team_id = ? AND n.event = 'case.embargo_reminder'", vendorATeam)).isEqualTo(1);
        String payload = jdbc.queryForObject("SELECT n.payload FROM notification n JOIN notification_channel ch ON ch.id = "
                + "n.channel_id WHERE ch.team_id = ? AND n.event = 'case.embargo_reminder'", String.class, vendorATeam);
        assertThat(payload).contains(id).doesNotContain("Files outside", "Path traversal");
        // An extension, with its reason, and the reminders start over.
        assertThat(p.coordinator.postJson(c(id) + "/embargo", Map.of("until", "2017-05-01")).status()).isEqualTo(400);
        assertThat(p.coordinator.postJson(c(id) + "/embargo", Map.of("until", "2017-05-01",
                "reason", "vendor B needs a second release")).json().get("embargoUntil").asText()).isEqualTo("2017-05-01");
        assertThat(watch.check(clock.instant())).isZero(); // 29 days left
        assertThat(p.vendorBMember.postJson(c(id) + "/vendor-status", Map.of("status", "not_affected",
                "statement", "our fork never had the static handler")).status()).isEqualTo(200);

        // The advisory: a bad draft is refused with its JSON path, the good one checks out.
        JsonNode bad = p.coordinator.putJson(c(id) + "/advisory", p.draft().replace("\"fixed\": \"1.4.2\"",
                "\"fixed\": \"banana\"")).json();
        assertThat(bad.get("publishable").asBoolean()).isFalse();
        assertThat(bad.get("problems").toString()).contains("/products/0/affected/0/fixed");
        assertThat(p.coordinator.post(c(id) + "/publish", new byte[0]).status()).isEqualTo(422);
        JsonNode good = p.coordinator.putJson(c(id) + "/advisory", p.draft()).json();
        assertThat(good.get("problems").toString()).isEqualTo("[]");
        assertThat(p.vendorAMember.get(c(id) + "/advisory").status()).isEqualTo(403);
        // Embargoed: nothing public yet.
        assertThat(p.anonymous.get("/.well-known/csaf/white/index.txt").body()).isEmpty();

        // Publication: the fleet is matched at once.
        at(Instant.parse("2017-04-20T10:00:00Z"));
        Api.Response published = p.coordinator.post(c(id) + "/publish", new byte[0]);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String advisory = published.json().get("advisoryId").asText();
        assertThat(advisory).startsWith("PGSA-2017-");
        assertThat(published.json().get("exposedTargets").asInt()).isEqualTo(3);
        assertThat(member.get("/api/v1/findings?vulnerability=CVE-2099-7001").json().get("total").asInt()).isEqualTo(3);

        // The CSAF provider: metadata valid against OASIS's schema, the document, its hashes and signature.
        JsonNode metadata = p.anonymous.get("/.well-known/csaf/provider-metadata.json").json();
        assertThat(CsafSchema.providerMetadata(metadata)).isEmpty();
        String path = advisory.toLowerCase() + ".json";
        assertThat(p.anonymous.get("/.well-known/csaf/white/index.txt").body()).isEqualTo("2017/" + path + "\n");
        assertThat(p.anonymous.get("/.well-known/csaf/white/changes.csv").body())
                .isEqualTo("\"2017/" + path + "\",\"2017-04-20T10:00:00Z\"\n");
        byte[] csaf = p.anonymous.getBytes("/.well-known/csaf/white/2017/" + path);
        JsonNode document = JSON.readTree(csaf);
        assertThat(CsafSchema.document(document)).isEmpty();
        assertThat(CsafMandatoryTests.check(document)).isEmpty();
        assertThat(document.at("/document/tracking/id").asText()).isEqualTo(advisory);
        assertThat(p.anonymous.get("/.well-known/csaf/white/2017/" + path + ".sha512").body())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(csaf)) + "  " + path + "\n");
        assertThat(p.anonymous.get("/.well-known/csaf/white/2017/" + path + ".asc").body()).startsWith("-----BEGIN PGP SIGNATURE-----");
        JsonNode feed = p.anonymous.get("/.well-known/csaf/white/feed-tlp-white.json").json();
        assertThat(feed.at("/feed/entry/0/content/src").asText()).endsWith("/2017/" + path);
        assertThat(p.anonymous.get("/.well-known/security.txt").body()).contains("CSAF: " + base()
                + "/.well-known/csaf/provider-metadata.json", "Encryption: " + base() + "/.well-known/csaf/openpgp/");
        // The OSV feed.
        assertThat(p.anonymous.get("/osv/" + advisory + ".json").json().get("aliases").get(0).asText()).isEqualTo("CVE-2099-7001");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(p.anonymous.getBytes("/osv/all.zip")))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo(advisory + ".json");
        }

        // Uptake: one target upgrades three days later.
        at(Instant.parse("2017-04-23T08:00:00Z"));
        member.put("/api/v1/targets/web-1/inventory", Fixtures.sbom("web-1", new Pkg(p.npmPackage, "1.4.2")));
        JsonNode uptake = p.vendorAMember.get(c(id) + "/uptake").json();
        assertThat(uptake.get("exposedAtPublication").asInt()).isEqualTo(3);
        assertThat(uptake.get("exposedNow").asInt()).isEqualTo(2);
        assertThat(uptake.at("/products/0/resolved").asInt()).isEqualTo(1);
        assertThat(uptake.at("/products/0/medianDaysToRemediation").asDouble()).isEqualTo(2.9);
        assertThat(uptake.toString()).doesNotContain("web-1", team);
        assertThat(reporter.get(c(id) + "/uptake").status()).isEqualTo(200);

        // The audit log: every step, for coordinators only, and a row changed in the database breaks its chain.
        assertThat(p.vendorAMember.get(c(id) + "/audit").status()).isEqualTo(403);
        JsonNode log = p.coordinator.get(c(id) + "/audit").json();
        assertThat(log.get("intact").asBoolean()).isTrue();
        assertThat(log.get("entries").findValuesAsText("action")).contains("reported", "accepted", "vendor invited",
                "vendor status", "message", "private note", "vendor silent", "embargo reminder", "embargo moved",
                "advisory draft", "published");
        long caseId = jdbc.queryForObject("SELECT id FROM disclosure_case WHERE public_id = ?", Long.class, id);
        jdbc.update("UPDATE case_audit SET who = 'someone else' WHERE case_id = ? AND seq = 2", caseId);
        JsonNode tampered = p.coordinator.get(c(id) + "/audit").json();
        assertThat(tampered.get("intact").asBoolean()).isFalse();
        assertThat(tampered.get("brokenAt").asInt()).isEqualTo(2);
        assertThat(new String(csaf, StandardCharsets.UTF_8)).doesNotContain("Files outside the root");
    }

    @Test
    void triageDeclinesAndDuplicates() {
        String first = p.report("first").get("case").asText();
        String second = p.report("second").get("case").asText();
        String third = p.report("third").get("case").asText();
        assertThat(p.coordinator.postJson(c(first) + "/triage", Map.of("decision", "accept")).json()
                .get("embargoUntil").asText()).isEqualTo("2017-05-30"); // the 90-day default
        assertThat(p.coordinator.postJson(c(second) + "/triage", Map.of("decision", "decline")).status()).isEqualTo(400);
        assertThat(p.coordinator.postJson(c(second) + "/triage", Map.of("decision", "decline", "reason", "not a flaw"))
                .json().get("state").asText()).isEqualTo("declined");
        assertThat(p.coordinator.postJson(c(third) + "/triage", Map.of("decision", "duplicate", "reason", "same",
                "duplicateOf", first)).json().get("duplicateOf").asText()).isEqualTo(first);
        assertThat(p.coordinator.postJson(c(first) + "/triage", Map.of("decision", "decline", "reason", "x")).status())
                .isEqualTo(409);
    }

    @Test
    void encryptedReportsAndBadInput() throws Exception {
        assertThat(p.anonymous.post("/api/v1/reports", "not json".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        Api.Response noTitle = p.anonymous.postJson("/api/v1/reports", Map.of("description", "x",
                "products", java.util.List.of(Map.of("vendor", "v", "product", "p"))));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().get("message").asText()).isEqualTo("title: required");
        assertThat(p.anonymous.post("/api/v1/reports", "-----BEGIN PGP MESSAGE-----\n\nbroken\n-----END PGP MESSAGE-----\n"
                .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(DisclosureSetup.count(jdbc, "SELECT COUNT(*) FROM disclosure_case WHERE title = 'x'")).isZero();
    }
}
