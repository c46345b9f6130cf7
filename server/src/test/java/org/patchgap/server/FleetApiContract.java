package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patchgap.server.Fixtures.Pkg;

/**
 * What the fleet server promises, over HTTP, run against each database (HSQLDB, H2 and PostgreSQL subclasses): uploads
 * matched like the CLI, history kept (opened, resolved, re-opened), re-matching when advisories change, the patch
 * gap, filters, removal and bad input.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
abstract class FleetApiContract extends ServerTestBase {

    /** A package name no other test uses, so that advisories made for it concern this test alone. */
    static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String inv(String target) {
        return "/api/v1/targets/" + target + "/inventory?team=" + team + "&filename=bom.cdx.json";
    }

    private JsonNode findings(String query) {
        Api.Response r = admin.get("/api/v1/findings?team=" + team + "&" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Id 0 means "none" in the server (a reporter's team, a signed-in user's key): no row may have it. */
    @Test
    void idsStartAtOne() {
        assertThat(jdbc.queryForObject("SELECT MIN(id) FROM team", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT MIN(id) FROM api_key", Long.class)).isEqualTo(1L);
    }

    @Test
    void anUploadIsMatchedAndItsHistoryKept() {
        String pkg = unique("left-pad");
        at("2021-01-10T00:00:00Z");
        assertThat(admin.post("/api/v1/advisories?filename=a.json",
                Fixtures.osv("GHSA-" + pkg, "CVE-2099-1001", pkg, "1.0.0", "1.3.0", "2021-01-05T00:00:00Z")).status())
                .isEqualTo(200);

        at("2021-02-01T00:00:00Z");
        Api.Response first = member.put(inv("web"), Fixtures.sbom("web", new Pkg(pkg, "1.2.0")));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/findings/opened").asInt()).isEqualTo(1);
        assertThat(first.json().at("/components").asInt()).isEqualTo(1);

        JsonNode open = findings("target=web").get("findings").get(0);
        assertThat(open.at("/vulnerability/id").asText()).isEqualTo("GHSA-" + pkg);
        assertThat(open.at("/package/version").asText()).isEqualTo("1.2.0");
        assertThat(open.at("/fix").asText()).isEqualTo("1.3.0");
        assertThat(open.at("/firstSeen").asText()).isEqualTo("2021-02-01T00:00:00Z");
        assertThat(open.at("/fixPublished").asText()).isEqualTo("2021-01-05T00:00:00Z");
        assertThat(open.get("resolvedAt").isNull()).isTrue();

        // The same inventory again changes nothing.
        at("2021-02-02T00:00:00Z");
        Api.Response again = member.put(inv("web"), Fixtures.sbom("web", new Pkg(pkg, "1.2.0")));
        assertThat(again.json().at("/findings")).hasToString("{\"open\":1,\"opened\":0,\"reopened\":0,\"resolved\":0,\"unchanged\":1}");
        assertThat(findings("target=web").at("/findings/0/firstSeen").asText()).isEqualTo("2021-02-01T00:00:00Z");

        // Another vulnerable version is the same exposure, still open since it was first seen.
        at("2021-02-03T00:00:00Z");
        member.put(inv("web"), Fixtures.sbom("web", new Pkg(pkg, "1.2.5")));
        assertThat(findings("target=web").at("/findings/0/firstSeen").asText()).isEqualTo("2021-02-01T00:00:00Z");
        assertThat(findings("target=web").at("/findings/0/package/version").asText()).isEqualTo("1.2.5");

        // The fix installed: resolved.
        at("2021-02-10T00:00:00Z");
        Api.Response fixed = member.put(inv("web"), Fixtures.sbom("web", new Pkg(pkg, "1.3.0")));
        assertThat(fixed.json().at("/findings/resolved").asInt()).isEqualTo(1);
        assertThat(findings("target=web").get("total").asInt()).isZero();
        JsonNode resolved = findings("target=web&status=resolved").at("/findings/0");
        assertThat(resolved.at("/resolvedAt").asText()).isEqualTo("2021-02-10T00:00:00Z");
        assertThat(resolved.at("/resolution").asText()).isEqualTo("upload");

        // Back again (a rollback): re-opened, with a second episode in its history.
        at("2021-03-01T00:00:00Z");
        Api.Response back = member.put(inv("web"), Fixtures.sbom("web", new Pkg(pkg, "1.2.0")));
        assertThat(back.json().at("/findings/reopened").asInt()).isEqualTo(1);
        JsonNode reopened = findings("target=web").at("/findings/0");
        assertThat(reopened.at("/firstSeen").asText()).isEqualTo("2021-02-01T00:00:00Z");
        assertThat(reopened.at("/openedAt").asText()).isEqualTo("2021-03-01T00:00:00Z");
        JsonNode history = admin.get("/api/v1/findings/" + reopened.get("id").asLong()).json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("resolvedAt").asText()).isEqualTo("2021-02-10T00:00:00Z");
        assertThat(history.get(1).get("resolvedAt").isNull()).isTrue();

        // The upload log keeps every upload.
        JsonNode target = admin.get("/api/v1/targets/web?team=" + team).json();
        assertThat(target.get("uploads")).hasSize(5);
        assertThat(target.get("openFindings").asInt()).isEqualTo(1);
    }

    @Test
    void anAdvisoryLearnedLaterOpensFindingsWhenItIsLearnedAndAWithdrawalResolvesThem() {
        String pkg = unique("lodash-ish");
        at("2022-01-01T00:00:00Z");
        for (String app : List.of("a1", "a2", "a3")) {
            assertThat(member.put(inv(app), Fixtures.sbom(app, new Pkg(pkg, "4.0.0"), new Pkg(unique("other"), "1.0.0")))
                    .json().at("/findings/open").asInt()).isZero();
        }
        at("2022-02-01T08:00:00Z");
        Api.Response imported = admin.post("/api/v1/advisories?filename=new.json",
                Fixtures.osv("GHSA-" + pkg, "CVE-2099-2002", pkg, "0", "4.17.21", "2022-01-20T00:00:00Z"));
        assertThat(imported.json().at("/rematch/targets").asInt()).isEqualTo(3);
        assertThat(imported.json().at("/rematch/components").asInt()).isEqualTo(3);
        assertThat(imported.json().at("/rematch/opened").asInt()).isEqualTo(3);
        JsonNode list = findings("vulnerability=CVE-2099-2002");
        assertThat(list.get("total").asInt()).isEqualTo(3);
        for (JsonNode f : list.get("findings")) assertThat(f.get("firstSeen").asText()).isEqualTo("2022-02-01T08:00:00Z");

        // The same document again: nothing changes.
        Api.Response same = admin.post("/api/v1/advisories?filename=new.json",
                Fixtures.osv("GHSA-" + pkg, "CVE-2099-2002", pkg, "0", "4.17.21", "2022-01-20T00:00:00Z"));
        assertThat(same.json().at("/changed").asInt()).isZero();
        assertThat(same.json().at("/rematch/targets").asInt()).isZero();

        at("2022-03-01T00:00:00Z");
        Api.Response withdrawn = admin.post("/api/v1/advisories?filename=new.json", Fixtures.osv("GHSA-" + pkg,
                "CVE-2099-2002", pkg, "0", "4.17.21", "2022-01-20T00:00:00Z", "2022-02-28T00:00:00Z", "HIGH"));
        assertThat(withdrawn.json().at("/rematch/resolved").asInt()).isEqualTo(3);
        JsonNode after = findings("vulnerability=GHSA-" + pkg + "&status=all");
        for (JsonNode f : after.get("findings")) {
            assertThat(f.get("resolvedAt").asText()).isEqualTo("2022-03-01T00:00:00Z");
            assertThat(f.get("resolution").asText()).isEqualTo("advisory update");
        }
    }

    /** First: Microsoft's documents are server-wide, and this test needs a server that has none yet. */
    @Test
    @org.junit.jupiter.api.Order(1)
    void windowsHostsAreMatchedWhenMicrosoftsUpdatesArriveAndThePatchGapIsMeasured() throws Exception {
        at("2017-03-01T12:00:00Z");
        String fin = "win7-fin-" + team;
        String hr = "win7-hr-" + team;
        assertThat(member.put("/api/v1/targets/" + fin + "/inventory?team=" + team + "&filename=systeminfo.txt",
                Repo.examples("inventories/windows/win7-fin01-systeminfo.txt")).status()).isEqualTo(200);
        at("2017-03-01T12:05:00Z");
        // The same kind of host, which will install the fix 20 days after it was published.
        assertThat(member.put("/api/v1/targets/" + hr + "/inventory?team=" + team + "&filename=systeminfo.txt",
                Repo.examples("inventories/windows/win7-fin01-systeminfo.txt")).status()).isEqualTo(200);
        at("2017-03-14T18:00:00Z");
        importMicrosoft();
        JsonNode exposed = findings("vulnerability=MS17-010&target=" + fin);
        assertThat(exposed.get("total").asInt()).isEqualTo(6);
        assertThat(exposed.at("/findings/0/fix").asText()).startsWith("KB4012212");

        at("2017-04-03T00:00:00Z");
        String patched = Files.readString(Repo.examples("inventories/windows/win7-fin01-systeminfo.txt"),
                StandardCharsets.ISO_8859_1).replace("4 Hotfix(s) Installed.", "5 Hotfix(s) Installed.")
                .replace("[04]: KB3212646", "[04]: KB3212646\r\n                           [05]: KB4012212");
        Api.Response up = member.put("/api/v1/targets/" + hr + "/inventory?team=" + team + "&filename=systeminfo.txt",
                patched.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(up.json().at("/findings/resolved").asInt()).as(up.body()).isGreaterThanOrEqualTo(6);

        at("2017-06-01T00:00:00Z");
        JsonNode gap = admin.get("/api/v1/patch-gap?vulnerability=MS17-010&team=" + team).json();
        assertThat(gap.at("/exposedTargets/now").asInt()).isEqualTo(1);
        assertThat(gap.at("/fixPublished").asText()).startsWith("2017-03-14");
        JsonNode series = gap.at("/exposedTargets/series");
        assertThat(series.get(0).get("date").asText()).isEqualTo("2017-03-14");
        assertThat(series.get(0).get("targets").asInt()).isEqualTo(2);
        assertThat(dayOf(series, "2017-04-02")).isEqualTo(2);
        assertThat(dayOf(series, "2017-04-03")).isEqualTo(1);
        // Six findings resolved 20 days after the bulletin's date (14 March 00:00).
        assertThat(gap.at("/daysFromFixToResolved/resolved").asInt()).isEqualTo(6);
        assertThat(gap.at("/daysFromFixToResolved/median").asDouble()).isEqualTo(20.0);
        assertThat(gap.at("/openByAge/31-90").asInt()).isEqualTo(6);
    }

    private void importMicrosoft() throws Exception {
        try (Stream<Path> files = Files.list(Repo.examples("advisories/microsoft"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                Api.Response r = admin.post("/api/v1/advisories?filename=" + f.getFileName(), f);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
    }

    private static int dayOf(JsonNode series, String date) {
        for (JsonNode d : series) if (d.get("date").asText().equals(date)) return d.get("targets").asInt();
        throw new AssertionError("no " + date + " in the series");
    }

    @Test
    void thePatchGapMedianAndP90AreNearestRankOverResolvedExposures() {
        String pkg = unique("gap");
        at("2023-01-01T00:00:00Z");
        admin.post("/api/v1/advisories?filename=g.json",
                Fixtures.osv("GHSA-" + pkg, "CVE-2099-3003", pkg, "0", "2.0.0", "2023-01-01T00:00:00Z"));
        List<String> apps = List.of("g1", "g2", "g3", "g4");
        for (String app : apps) member.put(inv(app), Fixtures.sbom(app, new Pkg(pkg, "1.0.0")));
        int[] daysToFix = {5, 10, 30};
        for (int i = 0; i < daysToFix.length; i++) {
            at(java.time.Instant.parse("2023-01-01T00:00:00Z").plus(java.time.Duration.ofDays(daysToFix[i])));
            member.put(inv(apps.get(i)), Fixtures.sbom(apps.get(i), new Pkg(pkg, "2.0.0")));
        }
        at("2023-03-01T00:00:00Z");
        JsonNode gap = member.get("/api/v1/patch-gap?vulnerability=CVE-2099-3003").json();
        assertThat(gap.at("/daysFromFixToResolved/resolved").asInt()).isEqualTo(3);
        assertThat(gap.at("/daysFromFixToResolved/median").asDouble()).isEqualTo(10.0);
        assertThat(gap.at("/daysFromFixToResolved/p90").asDouble()).isEqualTo(30.0);
        assertThat(gap.at("/exposedTargets/now").asInt()).isEqualTo(1);
        assertThat(gap.at("/openByAge/31-90").asInt()).isEqualTo(1);
        assertThat(dayOf(gap.at("/exposedTargets/series"), "2023-01-01")).isEqualTo(4);
        assertThat(dayOf(gap.at("/exposedTargets/series"), "2023-01-10")).isEqualTo(3);
        assertThat(dayOf(gap.at("/exposedTargets/series"), "2023-01-31")).isEqualTo(1);
    }

    /** Issue 13: a team's decision per finding, kept with who and when, filtered on, lapsing, exported as VEX. */
    @Test
    void anAnalysisIsKeptWithWhoDecidedAndExportedAsVex() throws Exception {
        String lib = unique("libxml");
        String tool = unique("imagetool");
        at("2024-03-01T00:00:00Z");
        assertThat(admin.post("/api/v1/advisories?filename=a.json", Fixtures.osv("GHSA-" + lib, "CVE-2099-2001", lib,
                "1.0.0", "1.5.0", "2024-02-01T00:00:00Z")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/advisories?filename=b.json", Fixtures.osv("GHSA-" + tool, "CVE-2099-2002", tool,
                "1.0.0", "3.0.0", "2024-02-01T00:00:00Z")).status()).isEqualTo(200);
        assertThat(member.put(inv("api"), Fixtures.sbom("api", new Pkg(lib, "1.2.0"), new Pkg(tool, "2.0.0"))).status())
                .isEqualTo(200);
        long libFinding = findings("target=api&vulnerability=CVE-2099-2001").at("/findings/0/id").asLong();
        long toolFinding = findings("target=api&vulnerability=CVE-2099-2002").at("/findings/0/id").asLong();
        String analysis = "/api/v1/findings/" + libFinding + "/analysis";

        // Bad decisions are refused with the reason, and nothing is recorded.
        assertThat(member.postJson(analysis, java.util.Map.of("state", "not_affected", "detail", "no reason")).body())
                .contains("not_affected needs a justification");
        assertThat(member.postJson(analysis, java.util.Map.of("state", "accepted_risk", "detail", "later")).body())
                .contains("accepted_risk needs an until date");
        assertThat(member.postJson(analysis, java.util.Map.of("state", "accepted_risk", "detail", "later",
                "until", "2024-02-01")).body()).contains("is in the past");
        assertThat(member.postJson(analysis, java.util.Map.of("state", "wontfix", "detail", "x")).status()).isEqualTo(400);
        assertThat(member.get("/api/v1/findings/" + libFinding).json().get("analyses")).isEmpty();

        Api.Response decided = member.postJson(analysis, java.util.Map.of("state", "not_affected",
                "justification", "vulnerable_code_not_in_execute_path", "detail", "we never parse untrusted XML"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().at("/analysis/state").asText()).isEqualTo("not_affected");
        assertThat(decided.json().at("/analysis/decidedBy").asText()).startsWith("key ");
        assertThat(decided.json().at("/analysis/decidedAt").asText()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(decided.json().at("/analysis/inForce").asBoolean()).isTrue();
        assertThat(decided.json().get("status").asText()).isEqualTo("open"); // a decision does not close the finding
        assertThat(member.postJson("/api/v1/findings/" + toolFinding + "/analysis", java.util.Map.of("state",
                "accepted_risk", "detail", "replaced in Q2", "until", "2024-06-30")).status()).isEqualTo(200);

        assertThat(findings("target=api&analysis=none").get("total").asInt()).isZero();
        assertThat(findings("target=api&analysis=any").get("total").asInt()).isEqualTo(2);
        assertThat(findings("target=api&analysis=not_affected").at("/findings/0/id").asLong()).isEqualTo(libFinding);
        assertThat(admin.get("/api/v1/findings?team=" + team + "&analysis=maybe").body()).contains("analysis must be none, any");

        // VEX: the not-affected decision with its justification, the accepted risk as affected with its reason.
        Api.Response openVex = member.get("/api/v1/vex?target=api");
        assertThat(openVex.status()).as(openVex.body()).isEqualTo(200);
        JsonNode statements = openVex.json().get("statements");
        assertThat(statements).hasSize(2);
        for (JsonNode st : statements) {
            if (st.at("/vulnerability/name").asText().equals("CVE-2099-2001")) {
                assertThat(st.get("status").asText()).isEqualTo("not_affected");
                assertThat(st.get("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
                assertThat(st.get("impact_statement").asText()).isEqualTo("we never parse untrusted XML");
            } else {
                assertThat(st.get("status").asText()).isEqualTo("affected");
                assertThat(st.get("action_statement").asText()).contains("Risk accepted", "replaced in Q2", "2024-06-30",
                        "decided by key ");
            }
        }
        Api.Response csaf = member.get("/api/v1/vex?target=api&format=csaf-vex&author=ACME%20PSIRT&namespace=https://acme.example");
        assertThat(csaf.status()).isEqualTo(200);
        assertThat(org.patchgap.formats.csaf.CsafMandatoryTests.check(csaf.json())).isEmpty();
        assertThat(csaf.json().at("/document/publisher/name").asText()).isEqualTo("ACME PSIRT");
        Api.Response cdx = member.get("/api/v1/vex?target=api&format=cyclonedx");
        assertThat(cdx.json().at("/vulnerabilities").toString()).contains("\"state\":\"not_affected\"",
                "\"justification\":\"code_not_reachable\"", "\"state\":\"exploitable\"");
        assertThat(member.get("/api/v1/vex?format=spdx").status()).isEqualTo(400);

        // The accepted risk lapses after its date: the finding counts again, and VEX says affected without it.
        at("2024-07-01T00:00:00Z");
        assertThat(findings("target=api&analysis=none").at("/findings/0/id").asLong()).isEqualTo(toolFinding);
        assertThat(member.get("/api/v1/findings/" + toolFinding).json().at("/analysis/inForce").asBoolean()).isFalse();

        // Withdrawn: no analysis any more, and both decisions stay in the history.
        assertThat(member.postJson(analysis, java.util.Map.of("state", "none")).status()).isEqualTo(200);
        JsonNode withdrawn = member.get("/api/v1/findings/" + libFinding).json();
        assertThat(withdrawn.get("analysis").isNull()).isTrue();
        assertThat(withdrawn.get("analyses")).hasSize(2);
        assertThat(withdrawn.at("/analyses/0/state").asText()).isEqualTo("not_affected");
        assertThat(withdrawn.at("/analyses/1/state").asText()).isEqualTo("none");

        // Nothing open in a target: nothing to state.
        assertThat(member.put(inv("api"), Fixtures.sbom("api", new Pkg(lib, "1.5.0"), new Pkg(tool, "3.0.0"))).status())
                .isEqualTo(200);
        assertThat(member.get("/api/v1/vex?target=api").status()).isEqualTo(204);
    }

    @Test
    void aVendorsVexStatementResolvesTheFindingItCoversAndEpssScoresAreShown() throws Exception {
        at("2021-12-10T12:00:00Z");
        assertThat(admin.post("/api/v1/advisories?filename=GHSA-jfh8-c2jp-5v3q.json",
                Repo.examples("advisories/osv/GHSA-jfh8-c2jp-5v3q.json")).status()).isEqualTo(200);
        Api.Response up = member.put("/api/v1/targets/reports/inventory?filename=reports-service.cdx.json",
                Repo.examples("vex/reports-service.cdx.json"));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(findings("target=reports&vulnerability=CVE-2021-44228").get("total").asInt()).isEqualTo(1);

        at("2021-12-20T12:00:00Z");
        Api.Response vex = admin.post("/api/v1/advisories?filename=example-vex-2021-0001.json",
                Repo.examples("vex/advisories/example-vex-2021-0001.json"));
        assertThat(vex.status()).as(vex.body()).isEqualTo(200);
        assertThat(vex.json().get("kind").asText()).isEqualTo("csaf");
        JsonNode resolved = findings("target=reports&vulnerability=CVE-2021-44228&status=all").at("/findings/0");
        assertThat(resolved.get("resolvedAt").asText()).isEqualTo("2021-12-20T12:00:00Z");
        assertThat(resolved.get("resolution").asText()).isEqualTo("advisory update");

        Api.Response epss = admin.post("/api/v1/advisories?filename=epss_scores-2025-08-25.csv",
                Repo.examples("vex/advisories/epss_scores-2025-08-25.csv"));
        assertThat(epss.status()).as(epss.body()).isEqualTo(200);
        assertThat(epss.json().get("kind").asText()).isEqualTo("epss");
        assertThat(admin.get("/api/v1/advisories/status").json().get("epssScores").asInt()).isPositive();
    }

    @Test
    void findingsAreFilteredAndPaged() {
        String a = unique("pa");
        String b = unique("pb");
        at("2023-05-01T00:00:00Z");
        admin.post("/api/v1/advisories?filename=a.json", Fixtures.osv("GHSA-" + a, "CVE-2099-4004", a, "0", "9.0.0",
                "2023-04-01T00:00:00Z", null, "CRITICAL"));
        admin.post("/api/v1/advisories?filename=b.json", Fixtures.osv("GHSA-" + b, "CVE-2099-4005", b, "0", "9.0.0",
                "2023-04-01T00:00:00Z", null, "LOW"));
        for (int i = 0; i < 5; i++) member.put(inv("svc" + i), Fixtures.sbom("svc" + i, new Pkg(a, "1.0.0"), new Pkg(b, "1.0.0")));
        assertThat(findings("").get("total").asInt()).isEqualTo(10);
        assertThat(findings("severity=critical").get("total").asInt()).isEqualTo(5);
        assertThat(findings("minSeverity=medium").get("total").asInt()).isEqualTo(5);
        assertThat(findings("vulnerability=GHSA-" + b).get("total").asInt()).isEqualTo(5);
        assertThat(findings("vulnerability=CVE-2099-4005").get("total").asInt()).isEqualTo(5);
        assertThat(findings("target=svc3").get("total").asInt()).isEqualTo(2);
        assertThat(findings("kev=true").get("total").asInt()).isZero();
        JsonNode page = findings("size=3&page=1");
        assertThat(page.get("findings")).hasSize(3);
        assertThat(page.get("total").asInt()).isEqualTo(10);
        // Most severe first.
        assertThat(findings("size=5").at("/findings/4/severity/level").asText()).isEqualTo("critical");
        assertThat(findings("size=6").at("/findings/5/severity/level").asText()).isEqualTo("low");
        assertThat(admin.get("/api/v1/findings?severity=urgent").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/findings?status=closed").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/findings?size=0").status()).isEqualTo(400);
    }

    @Test
    void removingATargetIsExplicitAndKeepsItsHistory() {
        String pkg = unique("rm");
        at("2024-01-01T00:00:00Z");
        admin.post("/api/v1/advisories?filename=r.json", Fixtures.osv("GHSA-" + pkg, "CVE-2099-5005", pkg, "0", "2.0.0",
                "2023-12-01T00:00:00Z"));
        member.put(inv("old-app"), Fixtures.sbom("old-app", new Pkg(pkg, "1.0.0")));
        at("2024-02-01T00:00:00Z");
        Api.Response removed = member.delete("/api/v1/targets/old-app");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("findingsResolved").asInt()).isEqualTo(1);
        assertThat(member.get("/api/v1/targets").json().get("targets")).isEmpty();
        assertThat(member.get("/api/v1/targets?includeRemoved=true").json().at("/targets/0/removedAt").asText())
                .isEqualTo("2024-02-01T00:00:00Z");
        assertThat(findings("status=resolved").at("/findings/0/resolution").asText()).isEqualTo("target removed");
        assertThat(member.delete("/api/v1/targets/old-app").status()).isEqualTo(404);
        // Uploaded again, it is back, and so is its finding (re-opened).
        Api.Response back = member.put(inv("old-app"), Fixtures.sbom("old-app", new Pkg(pkg, "1.0.0")));
        assertThat(back.json().at("/findings/reopened").asInt()).isEqualTo(1);
        assertThat(back.json().get("removedAt").isNull()).isTrue();
    }

    @Test
    void badInputIsAClearErrorAndChangesNothing() {
        at("2024-06-01T00:00:00Z");
        Api.Response broken = member.put(inv("bad"), "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).isEqualTo("bad_input");
        assertThat(broken.json().get("location").asText()).startsWith("bom.cdx.json");
        assertThat(broken.body()).doesNotContain("/tmp/").doesNotContain("Exception");
        assertThat(member.get("/api/v1/targets/bad").status()).isEqualTo(404);

        assertThat(member.put("/api/v1/targets/bad/inventory", new byte[0]).json().get("message").asText())
                .isEqualTo("the request body is empty");
        assertThat(member.put("/api/v1/targets/has%20space/inventory", Fixtures.sbom("x")).status()).isEqualTo(400);
        Api.Response notInventory = member.put("/api/v1/targets/readme/inventory?filename=README.md",
                "# hello".getBytes(StandardCharsets.UTF_8));
        assertThat(notInventory.status()).isEqualTo(400);
        assertThat(notInventory.json().get("message").asText()).startsWith("not a supported inventory");

        Api.Response notAdvisory = admin.post("/api/v1/advisories?filename=x.json", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(notAdvisory.status()).as(notAdvisory.body()).isEqualTo(400);
        Api.Response slip = member.put("/api/v1/targets/zip/inventory", zip("../../evil.json", "{}"));
        assertThat(slip.status()).isEqualTo(400);
        assertThat(slip.json().get("message").asText()).contains("outside the archive");
    }

    @Test
    void aZipOfAHostsExportsIsOneTarget() throws Exception {
        at("2017-03-20T00:00:00Z");
        importMicrosoft();
        Path dir = Repo.examples("inventories/windows/srv2012r2-fs07");
        List<String[]> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) entries.add(new String[] {f.getFileName().toString(), Files.readString(f, StandardCharsets.ISO_8859_1)});
        }
        Api.Response r = member.put("/api/v1/targets/fs07/inventory", zip(entries));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("kind").asText()).isEqualTo("host");
        JsonNode target = member.get("/api/v1/targets/fs07").json();
        assertThat(target.at("/host/configuration").toString()).contains("smb1");
        assertThat(findings("target=fs07&vulnerability=CVE-2017-0144").at("/findings/0/evidence").asText())
                .contains("SMBv1");
    }

    static byte[] zip(String name, String content) {
        List<String[]> one = new ArrayList<>();
        one.add(new String[] {name, content});
        return zip(one);
    }

    static byte[] zip(List<String[]> entries) {
        java.util.Map<String, byte[]> map = new java.util.LinkedHashMap<>();
        for (String[] e : entries) map.put(e[0], e[1].getBytes(StandardCharsets.ISO_8859_1));
        return Zips.of(map);
    }
}
