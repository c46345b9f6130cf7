package org.patchgap.server.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.auth.Teams;
import org.patchgap.server.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disclosure API: intake ({@code POST /api/v1/reports}, no account needed), and the cases a caller takes part in.
 * A case the caller does not take part in is answered exactly like one that does not exist (404, same body).
 */
@RestController
public class CaseController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cases cases;
    private final AdvisoryPublisher publisher;
    private final Uptake uptake;
    private final DisclosureKey key;
    private final PublicUrl publicUrl;
    private final Teams teams;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CaseController(Cases cases, AdvisoryPublisher publisher, Uptake uptake, DisclosureKey key, PublicUrl publicUrl,
            Teams teams, JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.publisher = publisher;
        this.uptake = uptake;
        this.key = key;
        this.publicUrl = publicUrl;
        this.teams = teams;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- intake

    /**
     * A report: JSON ({@code title, description, products[], reporter{name, contact}, attachments[{filename,
     * mediaType, content (base64)}]}), or that JSON encrypted to the service's OpenPGP key as an armored message.
     * Answers with the case id and the reporter's follow-up token, the only time it is shown.
     */
    @PostMapping(path = "/api/v1/reports")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode report(@RequestBody byte[] body) {
        boolean encrypted = DisclosureKey.isArmoredMessage(body);
        byte[] json = body;
        if (encrypted) {
            try {
                json = key.decrypt(body);
            } catch (DisclosureKey.UndecryptableException e) {
                throw ApiException.badRequest("encrypted report: " + e.getMessage());
            }
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw ApiException.badRequest("a report is a JSON object (or one encrypted to "
                    + "/.well-known/csaf/openpgp/" + key.fingerprint() + ".asc): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw ApiException.badRequest("a report is a JSON object");
        JsonNode reporter = root.path("reporter");
        List<Cases.NewAttachment> attachments = new ArrayList<>();
        JsonNode list = root.path("attachments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            byte[] content;
            try {
                content = Base64.getDecoder().decode(a.path("content").asText(""));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("attachments/" + i + "/content: expected base64");
            }
            attachments.add(new Cases.NewAttachment(a.path("filename").asText("attachment"),
                    a.path("mediaType").asText(null), content));
        }
        Cases.Reported reported = cases.report(new Cases.Intake(text(root, "title"), text(root, "description"),
                root.get("products"), text(reporter, "name"), text(reporter, "contact"), encrypted, attachments),
                clock.instant());
        return JSON.createObjectNode().put("case", reported.publicId()).put("token", reported.token())
                .put("followUp", publicUrl.base() + "/login?report")
                .put("note", "keep the token: it is the only way back to this report and it is not shown again");
    }

    // ---- cases

    @GetMapping("/api/v1/cases")
    public ObjectNode list(@RequestParam(required = false) @Nullable String state) {
        Caller caller = CurrentCaller.get();
        CaseState wanted = null;
        if (state != null) {
            try {
                wanted = CaseState.of(state);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state: one of reported, accepted, published, declined, duplicate");
            }
        }
        List<DisclosureCase> list = cases.list(caller, wanted);
        ObjectNode out = JSON.createObjectNode();
        out.put("total", list.size());
        ArrayNode items = out.putArray("cases");
        for (DisclosureCase c : list) items.add(summary(c));
        return out;
    }

    @GetMapping("/api/v1/cases/{id}")
    public ObjectNode get(@PathVariable String id) {
        Cases.Visible v = cases.require(CurrentCaller.get(), id);
        return detail(v);
    }

    public record TriageBody(@Nullable String decision, @Nullable String reason, @Nullable String duplicateOf,
            @Nullable String embargoUntil) {}

    @PostMapping("/api/v1/cases/{id}/triage")
    public ObjectNode triage(@PathVariable String id, @RequestBody TriageBody body) {
        Cases.Decision decision;
        try {
            decision = Cases.Decision.valueOf(String.valueOf(body.decision()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("decision: accept, decline or duplicate");
        }
        cases.triage(CurrentCaller.get(), id, decision, body.reason(), body.duplicateOf(), date(body.embargoUntil(),
                "embargoUntil"), clock.instant());
        return get(id);
    }

    public record VendorBody(@Nullable String team) {}

    @PostMapping("/api/v1/cases/{id}/vendors")
    public ObjectNode invite(@PathVariable String id, @RequestBody VendorBody body) {
        if (body.team() == null) throw ApiException.badRequest("team: required");
        cases.inviteVendor(CurrentCaller.get(), id, body.team(), clock.instant());
        return get(id);
    }

    public record StatusBody(@Nullable String team, @Nullable String status, @Nullable String statement) {}

    @PostMapping("/api/v1/cases/{id}/vendor-status")
    public ObjectNode vendorStatus(@PathVariable String id, @RequestBody StatusBody body) {
        VendorStatus status;
        try {
            status = VendorStatus.of(String.valueOf(body.status()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status: unknown, affected, not_affected or fixed");
        }
        cases.vendorStatus(CurrentCaller.get(), id, body.team(), status, body.statement(), clock.instant());
        return get(id);
    }

    public record MessageBody(@Nullable String body, @Nullable Long parent, @Nullable Boolean privateNote) {}

    @PostMapping("/api/v1/cases/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode message(@PathVariable String id, @RequestBody MessageBody body) {
        long message = cases.message(CurrentCaller.get(), id, body.parent(), body.body(),
                Boolean.TRUE.equals(body.privateNote()), clock.instant());
        return JSON.createObjectNode().put("id", message);
    }

    @PostMapping("/api/v1/cases/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode attach(@PathVariable String id, @RequestParam String filename,
            @RequestParam(required = false) @Nullable String mediaType, @RequestBody byte[] body) {
        long attachment = cases.attach(CurrentCaller.get(), id, new Cases.NewAttachment(filename, mediaType, body),
                clock.instant());
        return JSON.createObjectNode().put("id", attachment);
    }

    /** An attachment, always as a download: a proof of concept is never rendered by the browser. */
    @GetMapping("/api/v1/cases/{id}/attachments/{attachment}")
    public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable long attachment) {
        Cases.Visible v = cases.require(CurrentCaller.get(), id);
        Cases.AttachmentContent a = cases.attachment(v.c(), attachment)
                .orElseThrow(() -> ApiException.notFound("attachment " + attachment));
        return download(a);
    }

    public static ResponseEntity<byte[]> download(Cases.AttachmentContent a) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(a.info().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Patchgap-SHA256", a.info().sha256()).body(a.content());
    }

    public record EmbargoBody(@Nullable String until, @Nullable String reason) {}

    @PostMapping("/api/v1/cases/{id}/embargo")
    public ObjectNode embargo(@PathVariable String id, @RequestBody EmbargoBody body) {
        LocalDate until = date(body.until(), "until");
        if (until == null) throw ApiException.badRequest("until: required (YYYY-MM-DD)");
        cases.embargo(CurrentCaller.get(), id, until, body.reason(), clock.instant());
        return get(id);
    }

    @GetMapping("/api/v1/cases/{id}/audit")
    public ObjectNode audit(@PathVariable String id) {
        Cases.Visible v = cases.require(CurrentCaller.get(), id);
        CaseAudit.Log log = cases.audit(v);
        ObjectNode out = JSON.createObjectNode();
        out.put("intact", log.intact());
        out.put("brokenAt", log.brokenAt());
        ArrayNode entries = out.putArray("entries");
        for (CaseAudit.Entry e : log.entries()) {
            entries.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("who", e.who()).put("party", e.party())
                    .put("action", e.action()).put("detail", e.detail()).put("hash", e.hash());
        }
        return out;
    }

    /** Keeps the draft and answers how it would publish now: the problems, if any, and the documents. */
    @PutMapping("/api/v1/cases/{id}/advisory")
    public ObjectNode saveDraft(@PathVariable String id, @RequestBody String draft) {
        cases.saveDraft(CurrentCaller.get(), id, draft, clock.instant());
        return advisory(id);
    }

    @GetMapping("/api/v1/cases/{id}/advisory")
    public ObjectNode advisory(@PathVariable String id) {
        return advisory(cases.require(CurrentCaller.get(), id));
    }

    /** The advisory of a case already looked up (the case page). */
    public ObjectNode advisory(Cases.Visible v) {
        String id = v.c().publicId();
        if (!v.party().isCoordinator() && v.c().state() != CaseState.PUBLISHED) {
            throw ApiException.forbidden("the advisory is the coordinators' until it is published");
        }
        ObjectNode out = JSON.createObjectNode();
        if (v.c().state() == CaseState.PUBLISHED) {
            AdvisoryPublisher.Document d = publisher.byAdvisoryId(v.c().advisoryId()).orElseThrow();
            out.put("advisoryId", d.advisoryId());
            out.put("publishable", true);
            out.putArray("problems");
            out.put("csafUrl", AdvisoryPublisher.directory(publicUrl.base()) + d.csafPath());
            out.put("osvUrl", publicUrl.base() + "/osv/" + d.advisoryId() + ".json");
            out.set("csaf", tree(d.csaf()));
            out.set("osv", tree(d.osv()));
            return out;
        }
        if (v.c().advisoryDraft() == null) throw ApiException.notFound("advisory draft of case " + id);
        Instant now = clock.instant();
        AdvisoryPublisher.Check check = publisher.check(v.c().advisoryDraft(), publisher.nextId(now), now, publicUrl.base());
        out.put("advisoryId", (String) null);
        out.put("publishable", check.publishable());
        ArrayNode problems = out.putArray("problems");
        check.problems().forEach(problems::add);
        out.set("draft", tree(v.c().advisoryDraft().getBytes(StandardCharsets.UTF_8)));
        if (check.draft() != null) {
            out.set("csaf", tree(check.csaf()));
            out.set("osv", tree(check.osv()));
        }
        return out;
    }

    @PostMapping("/api/v1/cases/{id}/publish")
    public ObjectNode publish(@PathVariable String id) throws BadInputException {
        AdvisoryPublisher.Published p = publisher.publish(CurrentCaller.get(), id, clock.instant(), publicUrl.base());
        return JSON.createObjectNode().put("advisoryId", p.advisoryId())
                .put("csafUrl", AdvisoryPublisher.directory(publicUrl.base()) + p.csafPath())
                .put("osvUrl", publicUrl.base() + "/osv/" + p.advisoryId() + ".json")
                .put("exposedTargets", p.exposedTargets());
    }

    @GetMapping("/api/v1/cases/{id}/uptake")
    public ObjectNode uptake(@PathVariable String id) {
        return uptake(cases.require(CurrentCaller.get(), id));
    }

    /** The uptake of a case already looked up (the case page). */
    public ObjectNode uptake(Cases.Visible v) {
        if (v.c().state() != CaseState.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "uptake is measured from publication; the case is "
                    + v.c().state().code());
        }
        return uptakeJson(uptakeOf(v.c()));
    }

    static ObjectNode uptakeJson(Uptake.Figures f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("advisoryId", f.advisoryId());
        o.put("published", f.published().toString());
        o.put("exposedAtPublication", f.exposedAtPublication());
        o.put("exposedNow", f.exposedNow());
        series(o.putArray("series"), f.series());
        ArrayNode products = o.putArray("products");
        for (Uptake.Product p : f.products()) {
            ObjectNode n = products.addObject();
            n.put("ecosystem", p.ecosystem());
            n.put("package", p.name());
            n.put("exposedAtPublication", p.exposedAtPublication());
            n.put("exposedNow", p.exposedNow());
            n.put("resolved", p.resolved());
            n.put("medianDaysToRemediation", p.medianDaysToRemediation());
            n.put("p90DaysToRemediation", p.p90DaysToRemediation());
            series(n.putArray("series"), p.series());
        }
        return o;
    }

    private static void series(ArrayNode out, List<org.patchgap.server.gap.PatchGap.Day> days) {
        for (org.patchgap.server.gap.PatchGap.Day d : days) out.addObject().put("date", d.date().toString()).put("targets", d.targets());
    }

    Uptake.Figures uptakeOf(DisclosureCase c) {
        Integer exposed = jdbc.queryForObject("SELECT exposed_at_publication FROM published_advisory WHERE advisory_id = ?",
                Integer.class, c.advisoryId());
        return uptake.of(c.advisoryId(), c.publishedAt(), exposed == null ? 0 : exposed, clock.instant());
    }

    public record CoordinatorBody(@Nullable Boolean coordinator) {}

    /** Administrators make a team a coordinator team (its members triage reports and coordinate cases). */
    @PutMapping("/api/v1/teams/{team}/coordinator")
    public ObjectNode coordinator(@PathVariable String team, @RequestBody CoordinatorBody body) {
        Caller caller = CurrentCaller.get();
        if (!caller.isAdmin()) throw ApiException.notFound("team " + team);
        Teams.Team t = teams.byName(team).orElseThrow(() -> ApiException.notFound("team " + team));
        boolean on = Boolean.TRUE.equals(body.coordinator());
        jdbc.update("UPDATE team SET coordinator = ? WHERE id = ?", on, t.id());
        return JSON.createObjectNode().put("name", t.name()).put("coordinator", on);
    }

    // ---- views

    static ObjectNode summary(DisclosureCase c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.publicId());
        o.put("state", c.state().code());
        o.put("title", c.title());
        o.put("reportedAt", c.reportedAt().toString());
        o.put("embargoUntil", c.embargoUntil() == null ? null : c.embargoUntil().toString());
        o.put("advisoryId", c.advisoryId());
        return o;
    }

    public ObjectNode detail(Cases.Visible v) {
        DisclosureCase c = v.c();
        ObjectNode o = summary(c);
        o.put("party", v.party().code());
        o.put("description", c.description());
        o.set("products", tree(c.productsJson().getBytes(StandardCharsets.UTF_8)));
        // The reporter's identity is for the coordinators (and the reporter); vendors see the flaw, not who found it.
        boolean seesReporter = v.party().isCoordinator() || v.party().kind() == Party.Kind.REPORTER;
        ObjectNode reporter = o.putObject("reporter");
        reporter.put("anonymous", c.reporterName() == null && c.reporterContact() == null);
        if (seesReporter) {
            reporter.put("name", c.reporterName());
            reporter.put("contact", c.reporterContact());
        }
        o.put("submittedEncrypted", c.submittedEncrypted());
        o.put("triagedAt", c.triagedAt() == null ? null : c.triagedAt().toString());
        o.put("publishedAt", c.publishedAt() == null ? null : c.publishedAt().toString());
        o.put("closedReason", c.closedReason());
        o.put("duplicateOf", c.duplicateOf());
        o.put("coordinators", c.coordinatorTeamId() == null ? null
                : teams.byId(c.coordinatorTeamId()).map(Teams.Team::name).orElse(null));
        ArrayNode vendors = o.putArray("vendors");
        for (Cases.Vendor vendor : cases.vendors(c)) {
            vendors.addObject().put("team", vendor.team()).put("status", vendor.status().code())
                    .put("statement", vendor.statement()).put("invitedAt", vendor.invitedAt().toString())
                    .put("answeredAt", vendor.answeredAt() == null ? null : vendor.answeredAt().toString());
        }
        ArrayNode messages = o.putArray("messages");
        for (Cases.Message m : cases.messages(v)) {
            messages.addObject().put("id", m.id()).put("parent", m.parentId()).put("party", partyName(m.party()))
                    .put("author", seesReporter || !m.party().equals("reporter") ? m.author() : "reporter")
                    .put("private", m.privateNote()).put("body", m.body()).put("at", m.at().toString());
        }
        ArrayNode attachments = o.putArray("attachments");
        for (Cases.AttachmentInfo a : cases.attachments(c)) {
            attachments.addObject().put("id", a.id()).put("filename", a.filename()).put("mediaType", a.mediaType())
                    .put("size", a.size()).put("sha256", a.sha256()).put("party", partyName(a.party()))
                    .put("at", a.at().toString());
        }
        return o;
    }

    /** A party code in words: {@code vendor:12} is the vendor's team name. */
    String partyName(String code) {
        if (!code.startsWith("vendor:")) return code;
        return "vendor " + teams.byId(Long.parseLong(code.substring(7))).map(Teams.Team::name).orElse("?");
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    public static @Nullable LocalDate date(@Nullable String text, String field) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + ": expected a date YYYY-MM-DD");
        }
    }
}
