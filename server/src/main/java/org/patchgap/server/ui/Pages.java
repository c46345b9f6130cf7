package org.patchgap.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.server.auth.ApiKeys;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.auth.Role;
import org.patchgap.server.auth.Teams;
import org.patchgap.server.auth.UiSecurityConfig;
import org.patchgap.server.auth.UserAccounts;
import org.patchgap.server.findings.FindingQuery;
import org.patchgap.server.findings.FindingStore;
import org.patchgap.server.fleet.Targets;
import org.patchgap.server.fleet.Targets.TargetRow;
import org.patchgap.server.gap.PatchGap;
import org.patchgap.server.gap.PatchGapService;
import org.patchgap.server.notify.Notifications;
import org.patchgap.server.web.ApiException;
import org.patchgap.server.web.TeamScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web UI's pages, server-rendered (Thymeleaf) from the same services as the API and scoped the same way:
 * a page about another team's object is the same "not found" page as one about nothing.
 */
@Controller
public class Pages {

    static final int PAGE = 50;
    static final int EXPORT_LIMIT = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dashboard dashboard;
    private final FindingStore findings;
    private final PatchGapService gap;
    private final Targets targets;
    private final TeamScope scope;
    private final Teams teams;
    private final ApiKeys keys;
    private final UserAccounts users;
    private final Notifications notifications;
    private final Clock clock;
    private final org.patchgap.server.findings.FindingAnalyses analyses;

    public Pages(Dashboard dashboard, FindingStore findings, PatchGapService gap, Targets targets, TeamScope scope,
            Teams teams, ApiKeys keys, UserAccounts users, Notifications notifications, Clock clock,
            org.patchgap.server.findings.FindingAnalyses analyses) {
        this.analyses = analyses;
        this.dashboard = dashboard;
        this.findings = findings;
        this.gap = gap;
        this.targets = targets;
        this.scope = scope;
        this.teams = teams;
        this.keys = keys;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String overview(@RequestParam(required = false) @Nullable String team, Model model) {
        Caller caller = common(model);
        // A reporter signed in with their follow-up token has one thing here: their case.
        if (caller.isReporter()) return "redirect:/disclosure/cases/" + caller.reportCase();
        Long teamId = scope.forRead(caller, blank(team));
        PatchGap.Figures figures = gap.figures(teamId, null, clock.instant(), null, null);
        model.addAttribute("team", blank(team));
        model.addAttribute("bySeverity", dashboard.openBySeverity(teamId));
        model.addAttribute("kevOpen", dashboard.count("f.kev = TRUE", teamId));
        model.addAttribute("targets", dashboard.targets(teamId));
        model.addAttribute("figures", figures);
        model.addAttribute("top", dashboard.topOpen(teamId, 10));
        model.addAttribute("series", seriesJson(figures));
        return "overview";
    }

    /** The overview's search box: any id or alias. */
    @GetMapping("/vulnerabilities")
    public String findVulnerability(@RequestParam(required = false) @Nullable String id) {
        String v = blank(id);
        if (v == null) return "redirect:/";
        return "redirect:/vulnerabilities/" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GetMapping("/vulnerabilities/{id}")
    public String vulnerability(@PathVariable String id, @RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Caller caller = common(model);
        Long teamId = scope.forRead(caller, blank(team));
        PatchGap.Figures figures = gap.figures(teamId, id, clock.instant(), null, null);
        FindingStore.Page open = findings.find(new FindingQuery(teamId, null, id, List.of(), null, null, "open",
                Math.max(0, page), PAGE, "target"));
        model.addAttribute("id", id);
        model.addAttribute("team", blank(team));
        model.addAttribute("figures", figures);
        model.addAttribute("series", seriesJson(figures));
        model.addAttribute("page", pageOf(open));
        return "vulnerability";
    }

    @GetMapping("/targets")
    public String targetList(@RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Caller caller = common(model);
        Long teamId = scope.forRead(caller, blank(team));
        List<TargetRow> rows = targets.list(teamId, false, Math.max(0, page) * PAGE, PAGE + 1);
        model.addAttribute("rows", rows.subList(0, Math.min(PAGE, rows.size())));
        model.addAttribute("pageNumber", Math.max(0, page));
        model.addAttribute("hasNext", rows.size() > PAGE);
        model.addAttribute("team", blank(team));
        return "targets";
    }

    @GetMapping("/targets/{name}")
    public String target(@PathVariable String name, @RequestParam(required = false) @Nullable String team,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Caller caller = common(model);
        Long teamId = scope.forRead(caller, blank(team));
        List<TargetRow> found = targets.named(name, teamId);
        if (found.size() != 1) throw ApiException.notFound("target");
        TargetRow row = found.get(0);
        List<Component> components = targets.components(row.id(), Math.max(0, page) * PAGE, PAGE);
        model.addAttribute("target", row);
        model.addAttribute("host", targets.load(row).host());
        model.addAttribute("components", components);
        model.addAttribute("componentCount", targets.componentCount(row.id()));
        model.addAttribute("pageNumber", Math.max(0, page));
        model.addAttribute("open", pageOf(findings.find(new FindingQuery(row.teamId(), name, null, List.of(), null, null,
                "open", 0, 500, "severity"))));
        model.addAttribute("resolved", pageOf(findings.find(new FindingQuery(row.teamId(), name, null, List.of(), null, null,
                "resolved", 0, 200, "newest"))));
        return "target";
    }

    @GetMapping("/findings")
    public String findingList(FindingFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        Caller caller = common(model);
        FindingQuery q = query(caller, filter, Math.max(0, page), PAGE);
        model.addAttribute("page", pageOf(findings.find(q)));
        model.addAttribute("q", q);
        model.addAttribute("team", blank(filter.team()));
        model.addAttribute("sorts", List.of("severity", "kev", "epss", "age", "newest", "target"));
        return "findings";
    }

    /** One finding: its facts, its history of episodes and decisions, and (for writers) the form to decide. */
    @GetMapping("/findings/{id}")
    public String finding(@PathVariable long id, Model model) {
        Caller caller = common(model);
        Long team = findings.teamOf(id).orElse(null);
        if (team == null || !caller.canRead(team)) throw ApiException.notFound("finding");
        ObjectNode f = findings.withHistory(id);
        model.addAttribute("f", FindingRow.of(f, clock.instant()));
        model.addAttribute("json", f);
        model.addAttribute("canDecide", caller.canWrite(team));
        model.addAttribute("states", List.of("not_affected", "accepted_risk", "false_positive", "none"));
        model.addAttribute("justifications", java.util.Arrays.stream(
                org.patchgap.core.model.NotAffectedStatement.Justification.values()).map(j -> j.label()).toList());
        return "finding";
    }

    @PostMapping("/findings/{id}/analysis")
    public String decide(@PathVariable long id, @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String justification,
            @RequestParam(required = false) @Nullable String detail, @RequestParam(required = false) @Nullable String until,
            RedirectAttributes flash) {
        Caller caller = CurrentCaller.get();
        Long team = findings.teamOf(id).orElse(null);
        if (team == null || !caller.canRead(team)) throw ApiException.notFound("finding");
        if (!caller.canWrite(team)) throw ApiException.forbidden("this account is read-only");
        try {
            analyses.record(id, org.patchgap.server.findings.Analysis.checked(state,
                    "not_affected".equals(state) ? justification : null, detail,
                    "accepted_risk".equals(state) ? until : null, caller.principal(), clock.instant(),
                    java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
            flash.addFlashAttribute("notice", "Decision recorded.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("notice", "Not recorded: " + e.getMessage() + ".");
        }
        return "redirect:/findings/" + id;
    }

    @GetMapping("/findings.csv")
    public void exportCsv(FindingFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"findings.csv\"");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print("id,team,target,vulnerability,aliases,package,version,severity,known_exploited,kev_due,epss,fix,"
                + "first_seen,resolved_at,fix_published,status,analysis\r\n");
        Instant now = clock.instant();
        forEachExported(filter, f -> {
            FindingRow r = FindingRow.of(f, now);
            out.print(String.join(",", List.of(Long.toString(r.id()), csv(r.team()), csv(r.target()), csv(r.vulnerability()),
                    csv(r.aliases()), csv(r.pkg()), csv(r.version()), r.severity(), Boolean.toString(r.kev()), r.kevDue(),
                    r.epss(), csv(r.fix()), r.firstSeen(), r.resolvedAt(), r.fixPublished(), r.status(),
                    csv(r.analysis()))) + "\r\n");
        });
        out.flush();
    }

    @GetMapping("/findings.json")
    public void exportJson(FindingFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Content-Disposition", "attachment; filename=\"findings.json\"");
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("findings");
        forEachExported(filter, list::add);
        JSON.writeValue(response.getOutputStream(), root);
    }

    /** Every finding the filter selects, in pages of 1,000, up to {@link #EXPORT_LIMIT}. */
    private void forEachExported(FindingFilter filter, java.util.function.Consumer<ObjectNode> sink) {
        findings.forEach(query(CurrentCaller.get(), filter, 0, 1000), EXPORT_LIMIT, sink);
    }

    @GetMapping("/admin")
    public String admin(Model model) {
        Caller caller = common(model);
        requireAdmin(caller);
        List<Object[]> channels = new ArrayList<>();
        for (Teams.Team t : teams.list()) {
            for (Notifications.Channel c : notifications.channels(t.id())) channels.add(new Object[] {t.name(), c});
        }
        model.addAttribute("teams", teams.list());
        model.addAttribute("keys", keys.list());
        model.addAttribute("users", users.list());
        model.addAttribute("channels", channels);
        model.addAttribute("roles", List.of("admin", "member", "readonly"));
        return "admin";
    }

    @PostMapping("/admin/teams")
    public String addTeam(@RequestParam String name, RedirectAttributes flash) {
        requireAdmin(CurrentCaller.get());
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) return done(flash, "A team name is letters, digits and . _ -.");
        teams.ensure(name, clock.instant());
        return done(flash, "Team " + name + " is there.");
    }

    @PostMapping("/admin/keys")
    public String addKey(@RequestParam String team, @RequestParam String role, @RequestParam String name,
            RedirectAttributes flash) {
        requireAdmin(CurrentCaller.get());
        var t = teams.byName(team).orElseThrow(() -> ApiException.notFound("team"));
        if (name.isBlank() || name.length() > 200) return done(flash, "A key needs a name (at most 200 characters).");
        ApiKeys.NewKey key = keys.create(t.id(), name, role(role), clock.instant());
        flash.addFlashAttribute("newKey", key.secret());
        return done(flash, "Key made. It is shown once, below: copy it now.");
    }

    @PostMapping("/admin/keys/{id}/revoke")
    public String revokeKey(@PathVariable long id, RedirectAttributes flash) {
        requireAdmin(CurrentCaller.get());
        return done(flash, keys.revoke(id, clock.instant()) ? "Key revoked." : "No such key, or revoked before.");
    }

    @PostMapping("/admin/users")
    public String addUser(@RequestParam String team, @RequestParam String role, @RequestParam String username,
            @RequestParam String password, RedirectAttributes flash) {
        requireAdmin(CurrentCaller.get());
        var t = teams.byName(team).orElseThrow(() -> ApiException.notFound("team"));
        if (!username.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}") || username.equals(UiSecurityConfig.API_KEY_USER)) {
            return done(flash, "A user name is letters, digits and . _ @ - (and not \"api-key\").");
        }
        if (password.length() < 12) return done(flash, "A password has at least 12 characters.");
        if (users.exists(username)) return done(flash, "User " + username + " exists.");
        users.create(t.id(), username, password, role(role), clock.instant());
        return done(flash, "User " + username + " made.");
    }

    @PostMapping("/admin/channels")
    public String addChannel(@RequestParam String team, @RequestParam String kind, @RequestParam String address,
            @RequestParam(required = false) @Nullable String secret, @RequestParam String minSeverity,
            RedirectAttributes flash) {
        requireAdmin(CurrentCaller.get());
        var t = teams.byName(team).orElseThrow(() -> ApiException.notFound("team"));
        boolean webhook = kind.equals("webhook");
        if (webhook && !(address.startsWith("https://") || address.startsWith("http://"))) {
            return done(flash, "A webhook address is an http(s) URL.");
        }
        if (webhook && (secret == null || secret.length() < 16)) return done(flash, "A webhook secret has at least 16 characters.");
        if (!webhook && !address.matches("[^@\\s]+@[^@\\s]+")) return done(flash, "An e-mail channel needs an address.");
        SeverityLevel min = SeverityLevel.valueOf(minSeverity.toUpperCase(Locale.ROOT));
        notifications.addChannel(t.id(), webhook ? "webhook" : "email", address, webhook ? secret : null, min, clock.instant());
        return done(flash, "Channel added.");
    }

    /** A page about something the caller may not see, or that does not exist: the same page. */
    @ExceptionHandler(ApiException.class)
    public String problem(ApiException e, Model model, HttpServletResponse response) {
        return ProblemPage.show(e, model, response);
    }

    private FindingQuery query(Caller caller, FindingFilter filter, int page, int size) {
        String severity = filter.severity();
        String kev = filter.kev();
        String status = filter.status() == null ? "open" : filter.status();
        String sort = filter.sort() == null ? "severity" : filter.sort();
        List<SeverityLevel> levels = new ArrayList<>();
        if (blank(severity) != null) {
            for (String s : severity.split(",")) {
                try {
                    levels.add(SeverityLevel.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("unknown severity " + s);
                }
            }
        }
        Boolean kevOnly = "true".equals(kev) ? Boolean.TRUE : "false".equals(kev) ? Boolean.FALSE : null;
        String s = List.of("open", "resolved", "all").contains(status) ? status : "open";
        return new FindingQuery(scope.forRead(caller, blank(filter.team())), blank(filter.target()),
                blank(filter.vulnerability()), levels, null, kevOnly,
                s, page, size, FindingQuery.SORTS.containsKey(sort) ? sort : "severity");
    }

    private record PageView(List<FindingRow> rows, long total, int number, boolean hasNext) {}

    private PageView pageOf(FindingStore.Page page) {
        Instant now = clock.instant();
        List<FindingRow> rows = page.findings().stream().map(f -> FindingRow.of(f, now)).toList();
        return new PageView(rows, page.total(), page.page(), (long) (page.page() + 1) * page.size() < page.total());
    }

    private Caller common(Model model) {
        return ProblemPage.caller(model);
    }

    private static String seriesJson(PatchGap.Figures figures) {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode labels = data.putArray("labels");
        ArrayNode values = data.putArray("values");
        for (PatchGap.Day d : figures.series()) {
            labels.add(d.date().toString());
            values.add(d.targets());
        }
        return data.toString();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) throw ApiException.forbidden("only an administrator may do this");
    }

    private static Role role(String word) {
        try {
            return Role.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be admin, member or readonly");
        }
    }

    private static String done(RedirectAttributes flash, String message) {
        flash.addFlashAttribute("notice", message);
        return "redirect:/admin";
    }

    static String csv(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        // A cell starting with = + - @ is a formula to spreadsheets: prefix it so that an export cannot run one.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote || safe != value ? "\"" + safe.replace("\"", "\"\"") + "\"" : value;
    }

    static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
