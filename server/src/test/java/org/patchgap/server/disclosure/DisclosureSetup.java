package org.patchgap.server.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.patchgap.server.Api;
import org.patchgap.server.auth.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The parties of a disclosure test, each with its own fresh teams: a coordinator team (with a member and a read-only
 * account), two vendors, an outsider team, and the reporter once a report is made.
 */
final class DisclosureSetup {

    final String coordinatorTeam;
    final Api coordinator;
    final Api coordinatorReader;
    final String vendorA;
    final Api vendorAMember;
    final Api vendorAReader;
    final String vendorB;
    final Api vendorBMember;
    final Api outsider;
    final Api outsiderAdmin;
    final Api anonymous;
    final String npmPackage;

    DisclosureSetup(Api admin, String base, KeyMaker keys) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        coordinatorTeam = "cert-" + run;
        vendorA = "acme-" + run;
        vendorB = "globex-" + run;
        coordinator = new Api(base, keys.key(coordinatorTeam, Role.MEMBER));
        coordinatorReader = new Api(base, keys.key(coordinatorTeam, Role.READONLY));
        vendorAMember = new Api(base, keys.key(vendorA, Role.MEMBER));
        vendorAReader = new Api(base, keys.key(vendorA, Role.READONLY));
        vendorBMember = new Api(base, keys.key(vendorB, Role.MEMBER));
        outsider = new Api(base, keys.key("outsider-" + run, Role.MEMBER));
        // An administrator of the server who is in no coordinator team: not a participant of any case.
        outsiderAdmin = admin;
        anonymous = new Api(base, null);
        npmPackage = "widget-" + run;
        Api.Response made = admin.putJson("/api/v1/teams/" + coordinatorTeam + "/coordinator", "{\"coordinator\": true}");
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
    }

    interface KeyMaker {
        String key(String team, Role role);
    }

    /** An anonymous report about the vendor A package; answers {case, token}. */
    JsonNode report(String title) {
        Api.Response r = anonymous.postJson("/api/v1/reports", Map.of(
                "title", title,
                "description", "Path traversal in " + npmPackage + " lets a request read any file.",
                "products", List.of(Map.of("vendor", vendorA, "product", npmPackage, "versions", "1.0.0 to 1.4.1")),
                "attachments", List.of(Map.of("filename", "../../poc.html", "mediaType", "text/html",
                        "content", java.util.Base64.getEncoder().encodeToString(
                                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    String draft() {
        return """
                {
                  "title": "Path traversal in %1$s",
                  "summary": "%1$s before 1.4.2 serves files outside its root to crafted requests. Upgrade to 1.4.2.",
                  "details": "A request path with encoded dot segments escapes the static root.",
                  "cve": "CVE-2099-7001",
                  "cwe": {"id": "CWE-22", "name": "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')"},
                  "cvss": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
                  "products": [{
                    "vendor": "%2$s", "name": "%1$s", "purl": "pkg:npm/%1$s",
                    "affected": [{"introduced": "1.0.0", "fixed": "1.4.2"}],
                    "fixUrl": "https://example.org/%1$s/releases/1.4.2", "vendorTeam": "%2$s"
                  }],
                  "references": ["https://example.org/%1$s/security"],
                  "acknowledgments": ["an anonymous researcher"]
                }
                """.formatted(npmPackage, vendorA);
    }

    static int count(JdbcTemplate jdbc, String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
