package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchgap.server.Fixtures.Pkg;
import org.patchgap.server.auth.Role;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every endpoint × every kind of caller × own / other team: the status each gets, and that an object of another
 * team is answered exactly as one that does not exist (same status, same body), so that no key learns what another
 * team has.
 */
class AuthorizationMatrixTest extends ServerTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.embeddedMemory("authz"));
    }

    private String teamA;
    private String teamB;
    private Api memberA;
    private Api readonlyA;
    private Api memberB;
    private Api anonymous;
    private long findingA;
    private long findingB;
    private String pkg;

    @BeforeEach
    void twoTeams() {
        teamA = "a" + UUID.randomUUID().toString().substring(0, 8);
        teamB = "b" + UUID.randomUUID().toString().substring(0, 8);
        memberA = new Api(base(), keyFor(teamA, Role.MEMBER));
        readonlyA = new Api(base(), keyFor(teamA, Role.READONLY));
        memberB = new Api(base(), keyFor(teamB, Role.MEMBER));
        anonymous = new Api(base(), null);
        pkg = "authz-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/advisories?filename=a.json",
                Fixtures.osv("GHSA-" + pkg, "CVE-2099-9009", pkg, "0", "2.0.0", "2017-01-01T00:00:00Z")).status()).isEqualTo(200);
        // Both teams have a target named "web"; only B has "b-only".
        assertThat(memberA.put("/api/v1/targets/web/inventory", Fixtures.sbom("web", new Pkg(pkg, "1.0.0"))).status()).isEqualTo(200);
        assertThat(memberB.put("/api/v1/targets/web/inventory", Fixtures.sbom("web", new Pkg(pkg, "1.0.0"))).status()).isEqualTo(200);
        assertThat(memberB.put("/api/v1/targets/b-only/inventory", Fixtures.sbom("b-only", new Pkg(pkg, "1.0.0"))).status()).isEqualTo(200);
        findingA = memberA.get("/api/v1/findings").json().at("/findings/0/id").asLong();
        findingB = memberB.get("/api/v1/findings?target=b-only").json().at("/findings/0/id").asLong();
    }

    record Case(String who, Api api, String method, String path, int status) {}

    @Test
    void everyEndpointAnswersEachCallerAsItsRightsSay() {
        byte[] sbom = Fixtures.sbom("x", new Pkg(pkg, "1.0.0"));
        byte[] advisory = Fixtures.osv("GHSA-" + pkg, "CVE-2099-9009", pkg, "0", "2.0.0", "2017-01-01T00:00:00Z");
        List<Case> cases = new ArrayList<>();
        // Anonymous and unknown keys: nothing but the OpenAPI document.
        Api unknownKey = anonymous.as("pgk_" + "A".repeat(43));
        Api notAKey = anonymous.as("hello");
        for (Api nobody : List.of(anonymous, unknownKey, notAKey)) {
            for (String[] e : new String[][] {{"GET", "/api/v1/targets"}, {"GET", "/api/v1/targets/web"},
                    {"PUT", "/api/v1/targets/web/inventory"}, {"DELETE", "/api/v1/targets/web"}, {"GET", "/api/v1/findings"},
                    {"GET", "/api/v1/findings/" + findingA}, {"POST", "/api/v1/findings/" + findingA + "/analysis"},
                    {"GET", "/api/v1/vex"}, {"POST", "/api/v1/advisories"},
                    {"GET", "/api/v1/advisories/status"}, {"GET", "/api/v1/patch-gap"}, {"GET", "/api/v1/teams"},
                    {"POST", "/api/v1/teams"}, {"GET", "/api/v1/keys"}, {"POST", "/api/v1/keys"},
                    {"DELETE", "/api/v1/keys/1"}, {"GET", "/api/v1/teams/" + teamA + "/channels"},
                    {"POST", "/api/v1/teams/" + teamA + "/channels"}, {"GET", "/api/v1/teams/" + teamA + "/deliveries"},
                    {"GET", "/api/v1/nothing-here"}}) {
                cases.add(new Case("nobody", nobody, e[0], e[1], 401));
            }
            cases.add(new Case("nobody", nobody, "GET", "/api/v1/openapi.json", nobody == anonymous ? 200 : 401));
        }
        // A member of A: its own team's things, nothing of B's, no administration.
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/targets/web", 200));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/targets/b-only", 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/targets/web?team=" + teamB, 404));
        cases.add(new Case("memberA", memberA, "PUT", "/api/v1/targets/web/inventory?team=" + teamB, 404));
        cases.add(new Case("memberA", memberA, "DELETE", "/api/v1/targets/b-only", 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/findings/" + findingA, 200));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/findings/" + findingB, 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/findings?team=" + teamB, 404));
        cases.add(new Case("memberA", memberA, "POST", "/api/v1/findings/" + findingA + "/analysis", 200));
        cases.add(new Case("memberA", memberA, "POST", "/api/v1/findings/" + findingB + "/analysis", 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/vex", 200));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/vex?team=" + teamB, 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/patch-gap?team=" + teamB, 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/advisories/status", 200));
        cases.add(new Case("memberA", memberA, "POST", "/api/v1/advisories", 403));
        cases.add(new Case("memberA", memberA, "POST", "/api/v1/teams", 403));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/keys", 403));
        cases.add(new Case("memberA", memberA, "POST", "/api/v1/keys", 403));
        cases.add(new Case("memberA", memberA, "DELETE", "/api/v1/keys/1", 403));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/teams/" + teamA + "/channels", 200));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/teams/" + teamB + "/channels", 404));
        cases.add(new Case("memberA", memberA, "POST", "/api/v1/teams/" + teamB + "/channels", 404));
        cases.add(new Case("memberA", memberA, "GET", "/api/v1/teams/" + teamB + "/deliveries", 404));
        // Read-only A: reads its team, writes nothing.
        cases.add(new Case("readonlyA", readonlyA, "GET", "/api/v1/targets/web", 200));
        cases.add(new Case("readonlyA", readonlyA, "GET", "/api/v1/findings/" + findingA, 200));
        cases.add(new Case("readonlyA", readonlyA, "GET", "/api/v1/findings/" + findingB, 404));
        cases.add(new Case("readonlyA", readonlyA, "PUT", "/api/v1/targets/web/inventory", 403));
        cases.add(new Case("readonlyA", readonlyA, "POST", "/api/v1/findings/" + findingA + "/analysis", 403));
        cases.add(new Case("readonlyA", readonlyA, "POST", "/api/v1/findings/" + findingB + "/analysis", 404));
        cases.add(new Case("readonlyA", readonlyA, "GET", "/api/v1/vex", 200));
        cases.add(new Case("readonlyA", readonlyA, "DELETE", "/api/v1/targets/web", 403));
        cases.add(new Case("readonlyA", readonlyA, "POST", "/api/v1/advisories", 403));
        cases.add(new Case("readonlyA", readonlyA, "POST", "/api/v1/teams/" + teamA + "/channels", 403));
        cases.add(new Case("readonlyA", readonlyA, "GET", "/api/v1/keys", 403));
        // The administrator: everything, every team.
        cases.add(new Case("admin", admin, "GET", "/api/v1/targets/b-only?team=" + teamB, 200));
        cases.add(new Case("admin", admin, "GET", "/api/v1/targets/web?team=" + teamB, 200));
        cases.add(new Case("admin", admin, "GET", "/api/v1/findings/" + findingB, 200));
        cases.add(new Case("admin", admin, "GET", "/api/v1/keys", 200));
        cases.add(new Case("admin", admin, "POST", "/api/v1/findings/" + findingB + "/analysis", 200));
        cases.add(new Case("admin", admin, "GET", "/api/v1/vex?team=" + teamB, 200));
        cases.add(new Case("admin", admin, "POST", "/api/v1/advisories", 200));
        cases.add(new Case("admin", admin, "GET", "/api/v1/teams/" + teamB + "/deliveries", 200));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            byte[] body = c.path().contains("/inventory") ? sbom : c.path().equals("/api/v1/advisories") ? advisory : null;
            Api.Response r = send(c, body);
            if (r.status() != c.status()) wrong.add(c.who() + " " + c.method() + " " + c.path() + ": " + r.status() + " (expected " + c.status() + ") " + r.body());
            if (r.status() == 401 || r.status() == 403 || r.status() == 404) {
                assertThat(r.body()).as(c.path()).doesNotContain(teamB).doesNotContain("b-only");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Api.Response send(Case c, byte[] body) {
        return switch (c.method()) {
            case "GET" -> c.api().get(c.path());
            case "DELETE" -> c.api().delete(c.path());
            case "PUT" -> c.api().put(c.path(), body == null ? new byte[0] : body);
            default -> body != null ? c.api().post(c.path(), body)
                    : c.path().endsWith("/analysis") ? c.api().postJson(c.path(), Map.of("state", "false_positive",
                            "detail", "another package of that name"))
                    : c.api().postJson(c.path(), Map.of("name", "n", "team", "admins", "role", "member"));
        };
    }

    @Test
    void anotherTeamsObjectIsAnsweredExactlyAsOneThatDoesNotExist() {
        assertThat(memberA.get("/api/v1/targets/b-only")).isEqualTo(memberA.get("/api/v1/targets/no-such-target"));
        assertThat(memberA.get("/api/v1/findings/" + findingB)).isEqualTo(memberA.get("/api/v1/findings/987654321"));
        Map<String, String> decision = Map.of("state", "false_positive", "detail", "x");
        assertThat(memberA.postJson("/api/v1/findings/" + findingB + "/analysis", decision))
                .isEqualTo(memberA.postJson("/api/v1/findings/987654321/analysis", decision));
        assertThat(memberA.get("/api/v1/vex?team=" + teamB)).isEqualTo(memberA.get("/api/v1/vex?team=no-such-team"));
        assertThat(memberA.get("/api/v1/targets?team=" + teamB)).isEqualTo(memberA.get("/api/v1/targets?team=no-such-team"));
        assertThat(memberA.get("/api/v1/patch-gap?team=" + teamB)).isEqualTo(memberA.get("/api/v1/patch-gap?team=no-such-team"));
        assertThat(memberA.delete("/api/v1/targets/b-only")).isEqualTo(memberA.delete("/api/v1/targets/no-such-target"));
        assertThat(memberA.get("/api/v1/teams/" + teamB + "/channels"))
                .isEqualTo(memberA.get("/api/v1/teams/no-such-team/channels"));
    }

    @Test
    void listsAndCountsShowOnlyTheCallersTeam() {
        String targets = memberA.get("/api/v1/targets").body();
        assertThat(targets).contains("\"web\"").doesNotContain("b-only").doesNotContain(teamB);
        Api.Response findings = memberA.get("/api/v1/findings?status=all");
        assertThat(findings.json().get("total").asInt()).isEqualTo(1);
        assertThat(findings.body()).doesNotContain(teamB);
        assertThat(memberA.get("/api/v1/findings?target=b-only").json().get("total").asInt()).isZero();
        assertThat(memberA.get("/api/v1/findings?vulnerability=GHSA-" + pkg).json().get("total").asInt()).isEqualTo(1);
        assertThat(memberA.get("/api/v1/patch-gap?vulnerability=GHSA-" + pkg).json().at("/exposedTargets/now").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/patch-gap?vulnerability=GHSA-" + pkg).json().at("/exposedTargets/now").asInt()).isEqualTo(3);
        assertThat(memberA.get("/api/v1/teams").body()).isEqualTo("[{\"name\":\"" + teamA + "\"}]");
    }

    @Test
    void anUploadTouchesOnlyTheCallersOwnTargetOfThatName() {
        memberA.put("/api/v1/targets/web/inventory", Fixtures.sbom("web", new Pkg(pkg, "2.0.0")));
        assertThat(memberA.get("/api/v1/targets/web").json().get("openFindings").asInt()).isZero();
        assertThat(memberB.get("/api/v1/targets/web").json().get("openFindings").asInt()).isEqualTo(1);
    }

    @Test
    void aRevokedKeyIsRefusedLikeAnUnknownOne() {
        Api.Response made = admin.postJson("/api/v1/keys", Map.of("team", teamA, "role", "readonly", "name", "ci"));
        assertThat(made.status()).isEqualTo(201);
        Api ci = anonymous.as(made.json().get("key").asText());
        assertThat(ci.get("/api/v1/targets").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/keys/" + made.json().get("id").asLong()).status()).isEqualTo(200);
        assertThat(ci.get("/api/v1/targets")).isEqualTo(anonymous.as("pgk_" + "B".repeat(43)).get("/api/v1/targets"));
        // The list shows keys by prefix, never the key or its hash.
        String list = admin.get("/api/v1/keys").body();
        assertThat(list).doesNotContain(made.json().get("key").asText());
        assertThat(list).contains(made.json().get("key").asText().substring(0, 10) + "\"");
    }
}
