package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchgap.server.Fixtures.Pkg;
import org.patchgap.server.notify.KevDueDates;
import org.patchgap.server.notify.NotificationDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications end to end: a team's webhook receives signed JSON for new findings above its threshold, for KEV
 * additions and for passed KEV due dates; a failing receiver is retried with backoff and every attempt logged;
 * e-mail goes over SMTP to a real (local) server.
 */
class NotificationsTest extends ServerTestBase {

    static SmtpSink smtp;

    @BeforeAll
    static void startSmtp() throws IOException {
        smtp = new SmtpSink();
    }

    @AfterAll
    static void stopSmtp() throws IOException {
        smtp.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.embeddedMemory("notify"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.port());
    }

    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    KevDueDates kevDueDates;

    record Received(Map<String, List<String>> headers, byte[] body) {}

    @Test
    void aWebhookGetsSignedNewsOfFindingsAboveItsThresholdAndIsRetriedWhenItFails() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new Received(exchange.getRequestHeaders(), body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        hook.start();
        try {
            String secret = "a-secret-of-sixteen-or-more";
            Api.Response channel = member.postJson("/api/v1/teams/" + team + "/channels", Map.of("kind", "webhook",
                    "address", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", "secret", secret,
                    "minSeverity", "high"));
            assertThat(channel.status()).as(channel.body()).isEqualTo(201);

            String high = "n-high-" + UUID.randomUUID().toString().substring(0, 6);
            String low = "n-low-" + UUID.randomUUID().toString().substring(0, 6);
            Instant t0 = Instant.parse("2024-03-01T10:00:00Z");
            at(t0);
            admin.post("/api/v1/advisories?filename=h.json", Fixtures.osv("GHSA-" + high, "CVE-2099-7001", high, "0", "2.0.0",
                    "2024-02-01T00:00:00Z", null, "HIGH"));
            admin.post("/api/v1/advisories?filename=l.json", Fixtures.osv("GHSA-" + low, "CVE-2099-7002", low, "0", "2.0.0",
                    "2024-02-01T00:00:00Z", null, "LOW"));
            member.put("/api/v1/targets/api/inventory", Fixtures.sbom("api", new Pkg(high, "1.0.0"), new Pkg(low, "1.0.0")));

            assertThat(dispatcher.deliverDue(t0)).isZero(); // the receiver answers 503 the first time
            JsonNode log = member.get("/api/v1/teams/" + team + "/deliveries").json();
            assertThat(log.get(0).get("attempts").asInt()).isEqualTo(1);
            assertThat(log.get(0).get("lastError").asText()).contains("HTTP 503");
            assertThat(log.get(0).get("nextAttemptAt").asText()).isEqualTo(t0.plus(Duration.ofMinutes(1)).toString());
            assertThat(dispatcher.deliverDue(t0.plusSeconds(30))).isZero(); // not due yet
            assertThat(dispatcher.deliverDue(t0.plus(Duration.ofMinutes(1)))).isEqualTo(1);

            assertThat(received).hasSize(1);
            Received r = received.get(0);
            assertThat(r.headers().get("X-patchgap-signature")).containsExactly(
                    "sha256=" + NotificationDispatcher.hmac(secret, r.body()));
            JsonNode payload = Api.JSON.readTree(r.body());
            assertThat(payload.get("event").asText()).isEqualTo("findings.opened");
            assertThat(payload.get("findings")).hasSize(1); // the low one is below the threshold
            assertThat(payload.at("/findings/0/vulnerability").asText()).isEqualTo("CVE-2099-7001");
            assertThat(member.get("/api/v1/teams/" + team + "/deliveries").json().get(0).get("deliveredAt").asText())
                    .isEqualTo(t0.plus(Duration.ofMinutes(1)).toString());

            // CISA lists the high one as exploited, due two weeks later.
            at(t0.plus(Duration.ofDays(1)));
            String kev = """
                    {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2024.03.02",
                     "dateReleased": "2024-03-02T00:00:00.000Z", "count": 1, "vulnerabilities": [
                      {"cveID": "CVE-2099-7001", "vendorProject": "Test", "product": "%s", "vulnerabilityName": "Test flaw",
                       "dateAdded": "2024-03-02", "shortDescription": "x", "requiredAction": "Apply updates.",
                       "dueDate": "2024-03-16", "knownRansomwareCampaignUse": "Known", "notes": "", "cwes": []}]}
                    """.formatted(high);
            Api.Response imported = admin.post("/api/v1/advisories?filename=kev.json", kev.getBytes(StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            dispatcher.deliverDue(t0.plus(Duration.ofDays(1)));
            assertThat(received).hasSize(2);
            JsonNode added = Api.JSON.readTree(received.get(1).body());
            assertThat(added.get("event").asText()).isEqualTo("kev.added");
            assertThat(added.at("/findings/0/kevDueDate").asText()).isEqualTo("2024-03-16");
            assertThat(member.get("/api/v1/findings?kev=true").json().get("total").asInt()).isEqualTo(1);

            // The due date passes: told once.
            at(Instant.parse("2024-03-17T01:00:00Z"));
            assertThat(kevDueDates.check()).isEqualTo(1);
            assertThat(kevDueDates.check()).isZero();
            dispatcher.deliverDue(Instant.parse("2024-03-17T01:00:00Z"));
            assertThat(received).hasSize(3);
            assertThat(Api.JSON.readTree(received.get(2).body()).get("event").asText()).isEqualTo("kev.overdue");
            assertThat(member.get("/api/v1/patch-gap").json().at("/kevPastDue/count").asInt()).isEqualTo(1);
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void eMailIsSentOverSmtp() {
        String pkg = "n-mail-" + UUID.randomUUID().toString().substring(0, 6);
        Instant t0 = Instant.parse("2024-04-01T10:00:00Z");
        at(t0);
        assertThat(member.postJson("/api/v1/teams/" + team + "/channels", Map.of("kind", "email", "address",
                "ops@example.org", "minSeverity", "low")).status()).isEqualTo(201);
        admin.post("/api/v1/advisories?filename=m.json", Fixtures.osv("GHSA-" + pkg, "CVE-2099-7003", pkg, "0", "2.0.0",
                "2024-03-01T00:00:00Z"));
        member.put("/api/v1/targets/mailer/inventory", Fixtures.sbom("mailer", new Pkg(pkg, "1.0.0")));
        int before = smtp.messages.size();
        assertThat(dispatcher.deliverDue(t0)).isEqualTo(1);
        assertThat(smtp.messages).hasSize(before + 1);
        assertThat(smtp.messages.get(before)).contains("To: ops@example.org").contains("[Patchgap] findings.opened")
                .contains("CVE-2099-7003");
    }

    @Test
    void aReporterWhoLeftAnAddressIsToldOfTheirCaseByEmailWithoutItsContent() {
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        at(t0);
        String cert = "cert-" + UUID.randomUUID().toString().substring(0, 6);
        Api coordinator = admin.as(keyFor(cert, org.patchgap.server.auth.Role.MEMBER));
        admin.putJson("/api/v1/teams/" + cert + "/coordinator", "{\"coordinator\": true}");
        String id = admin.as(null).postJson("/api/v1/reports", Map.of("title", "Secret flaw title",
                "description", "secret details", "products", List.of(Map.of("vendor", "v", "product", "p")),
                "reporter", Map.of("name", "Jane", "contact", "jane@example.org"))).json().get("case").asText();
        assertThat(coordinator.postJson("/api/v1/cases/" + id + "/triage", Map.of("decision", "accept")).status())
                .isEqualTo(200);
        int before = smtp.messages.size();
        dispatcher.deliverDue(t0);
        List<String> mails = smtp.messages.subList(before, smtp.messages.size()).stream()
                .filter(m -> m.contains("To: jane@example.org")).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("[Patchgap] case.accepted", id).doesNotContain("Secret flaw", "secret details");
    }

    @Test
    void channelsAreChecked() {
        assertThat(member.postJson("/api/v1/teams/" + team + "/channels", Map.of("kind", "webhook", "address",
                "ftp://example.org/x", "secret", "0123456789abcdef")).status()).isEqualTo(400);
        assertThat(member.postJson("/api/v1/teams/" + team + "/channels", Map.of("kind", "webhook", "address",
                "https://example.org/x", "secret", "short")).json().get("message").asText()).contains("16 characters");
        assertThat(member.postJson("/api/v1/teams/" + team + "/channels", Map.of("kind", "pager", "address", "x")).status())
                .isEqualTo(400);
    }
}
