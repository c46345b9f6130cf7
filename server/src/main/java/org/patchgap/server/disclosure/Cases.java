package org.patchgap.server.disclosure;

import static org.patchgap.server.Times.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.Sql;
import org.patchgap.server.Times;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.ReporterTokens;
import org.patchgap.server.auth.Teams;
import org.patchgap.server.notify.Notifications;
import org.patchgap.server.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases from intake to triage and coordination: reports, vendors and their statuses, the discussion, attachments
 * and the embargo. Every change locks the case's row, is written to its audit log and tells the participants
 * concerned ({@link CaseNotifications}), in one transaction. Publication is {@link AdvisoryPublisher}'s.
 */
@Service
public class Cases {

    /** A case as one caller may see it, and the party they are in it. */
    public record Visible(DisclosureCase c, Party party, Caller caller) {
        /** Readers of a team with a read-only role read; the reporter and members write. */
        public boolean canWrite() {
            return party.kind() == Party.Kind.REPORTER || caller.role().canWrite();
        }
    }

    public record NewAttachment(String filename, String mediaType, byte[] content) {}

    /** A report as submitted: {@code products} is the reporter's own list of {@code {vendor, product, versions}}. */
    public record Intake(String title, String description, JsonNode products, @Nullable String reporterName,
            @Nullable String reporterContact, boolean encrypted, List<NewAttachment> attachments) {}

    /** The new case's id and the reporter's follow-up token (shown once, stored as a hash). */
    public record Reported(String publicId, String token) {}

    public record Vendor(long teamId, String team, VendorStatus status, @Nullable String statement, Instant invitedAt,
            @Nullable Instant answeredAt) {}

    public record Message(long id, @Nullable Long parentId, String party, String author, boolean privateNote, String body,
            Instant at) {}

    public record AttachmentInfo(long id, String filename, String mediaType, long size, String sha256, String party,
            String uploadedBy, Instant at) {}

    public record AttachmentContent(AttachmentInfo info, byte[] content) {}

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_TEXT = 50_000;
    static final int MAX_ATTACHMENTS_PER_CASE = 20;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE_COLUMNS = "c.id, c.public_id, c.state, c.title, c.description, c.products, "
            + "c.reporter_name, c.reporter_contact, c.submitted_encrypted, c.coordinator_team_id, d.public_id, "
            + "c.closed_reason, c.embargo_until, c.reported_at, c.triaged_at, c.published_at, c.advisory_draft, c.advisory_id";

    private final JdbcTemplate jdbc;
    private final CaseAudit audit;
    private final CaseNotifications notify;
    private final Notifications notifications;
    private final Teams teams;
    private final int embargoDays;
    private final long maxAttachmentBytes;

    public Cases(JdbcTemplate jdbc, CaseAudit audit, CaseNotifications notify, Notifications notifications, Teams teams,
            @Value("${patchgap.disclosure.embargo-days:90}") int embargoDays,
            @Value("${patchgap.disclosure.max-attachment-bytes:10485760}") long maxAttachmentBytes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.notify = notify;
        this.notifications = notifications;
        this.teams = teams;
        this.embargoDays = embargoDays;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    public int embargoDays() {
        return embargoDays;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    // ---- intake

    @Transactional
    public Reported report(Intake in, Instant at) {
        String title = text(in.title(), "title", MAX_TITLE, true);
        String description = text(in.description(), "description", MAX_DESCRIPTION, true);
        String products = products(in.products());
        String name = text(in.reporterName(), "reporter.name", 200, false);
        String contact = text(in.reporterContact(), "reporter.contact", 300, false);
        if (in.attachments().size() > MAX_ATTACHMENTS_PER_CASE) {
            throw ApiException.badRequest("attachments: at most " + MAX_ATTACHMENTS_PER_CASE);
        }
        String publicId = newPublicId();
        String token = ReporterTokens.create();
        long id = Sql.insert(jdbc, "INSERT INTO disclosure_case (public_id, state, title, description, products, reporter_name, "
                + "reporter_contact, reporter_token_hash, submitted_encrypted, reported_at) VALUES (?, 'reported', ?, ?, ?, ?, ?, ?, ?, ?)",
                publicId, title, description, products, name, contact, ReporterTokens.hash(token), in.encrypted(), sql(at));
        String who = name == null ? "anonymous reporter" : "reporter " + name;
        audit.append(id, at, who, Party.REPORTER, "reported", (in.encrypted() ? "encrypted report" : "report")
                + (contact == null ? ", no contact" : ", contact given"));
        if (contact != null && EMAIL.matcher(contact.replaceFirst("^mailto:", "")).matches()) {
            notifications.addReporterChannel(id, contact.replaceFirst("^mailto:", ""), at);
        }
        for (NewAttachment a : in.attachments()) storeAttachment(id, a, Party.REPORTER, who, at);
        DisclosureCase c = load(id);
        notify.tell(c, "case.reported", "a new report waits for triage", CaseNotifications.Audience.coordinatorsOnly(), at);
        return new Reported(publicId, token);
    }

    // ---- reading

    public List<DisclosureCase> list(Caller caller, @Nullable CaseState state) {
        List<Object> args = new ArrayList<>(CaseAccess.arguments(caller));
        String sql = "SELECT " + CASE_COLUMNS + " FROM disclosure_case c LEFT JOIN disclosure_case d ON d.id = c.duplicate_of "
                + "WHERE " + CaseAccess.VISIBLE;
        if (state != null) {
            sql += " AND c.state = ?";
            args.add(state.code());
        }
        return jdbc.query(sql + " ORDER BY c.reported_at DESC, c.id DESC", Cases::row, args.toArray());
    }

    public Optional<Visible> find(Caller caller, String publicId) {
        List<Object> args = new ArrayList<>();
        args.add(publicId);
        args.addAll(CaseAccess.arguments(caller));
        List<DisclosureCase> found = jdbc.query("SELECT " + CASE_COLUMNS + " FROM disclosure_case c LEFT JOIN disclosure_case d "
                + "ON d.id = c.duplicate_of WHERE c.public_id = ? AND " + CaseAccess.VISIBLE, Cases::row, args.toArray());
        if (found.isEmpty()) return Optional.empty();
        DisclosureCase c = found.get(0);
        boolean coordinatorTeam = !caller.isReporter() && isCoordinatorTeam(caller.teamId());
        boolean vendor = !caller.isReporter() && isVendor(c.id(), caller.teamId());
        Party party = CaseAccess.partyOf(caller, c, coordinatorTeam, vendor);
        return party == null ? Optional.empty() : Optional.of(new Visible(c, party, caller));
    }

    /** The case, or the one answer for a case that does not exist and one the caller does not take part in. */
    public Visible require(Caller caller, String publicId) {
        return find(caller, publicId).orElseThrow(() -> ApiException.notFound("case " + publicId));
    }

    /** The case locked for a change by a participant who may write. */
    Visible forChange(Caller caller, String publicId) {
        Visible v = require(caller, publicId);
        jdbc.queryForObject("SELECT id FROM disclosure_case WHERE id = ? FOR UPDATE", Long.class, v.c().id());
        Visible fresh = require(caller, publicId);
        if (!fresh.canWrite()) throw ApiException.forbidden("a read-only account may not change a case");
        return fresh;
    }

    Visible coordinatorChange(Caller caller, String publicId) {
        Visible v = forChange(caller, publicId);
        if (!v.party().isCoordinator()) throw ApiException.forbidden("only the case's coordinators may do that");
        return v;
    }

    public boolean isCoordinatorTeam(long teamId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT coordinator FROM team WHERE id = ?", rs -> rs.next() && rs.getBoolean(1),
                teamId));
    }

    private boolean isVendor(long caseId, long teamId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_vendor WHERE case_id = ? AND team_id = ?", Integer.class,
                caseId, teamId);
        return n != null && n > 0;
    }

    DisclosureCase load(long id) {
        return jdbc.queryForObject("SELECT " + CASE_COLUMNS + " FROM disclosure_case c LEFT JOIN disclosure_case d "
                + "ON d.id = c.duplicate_of WHERE c.id = ?", Cases::row, id);
    }

    public List<Vendor> vendors(DisclosureCase c) {
        return jdbc.query("SELECT v.team_id, t.name, v.status, v.statement, v.invited_at, v.answered_at FROM case_vendor v "
                + "JOIN team t ON t.id = v.team_id WHERE v.case_id = ? ORDER BY t.name", (rs, i) -> new Vendor(rs.getLong(1),
                rs.getString(2), VendorStatus.of(rs.getString(3)), rs.getString(4), Times.instant(rs, "invited_at"),
                Times.instant(rs, "answered_at")), c.id());
    }

    List<Long> vendorTeams(DisclosureCase c) {
        return jdbc.queryForList("SELECT team_id FROM case_vendor WHERE case_id = ? ORDER BY team_id", Long.class, c.id());
    }

    /** The discussion as the party sees it: every shared message and the party's own private notes. */
    public List<Message> messages(Visible v) {
        return jdbc.query("SELECT id, parent_id, party, author, private_note, body, created_at FROM case_message "
                + "WHERE case_id = ? AND (NOT private_note OR party = ?) ORDER BY id", (rs, i) -> new Message(rs.getLong(1),
                (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                Times.instant(rs, "created_at")), v.c().id(), v.party().code());
    }

    public List<AttachmentInfo> attachments(DisclosureCase c) {
        return jdbc.query("SELECT id, filename, media_type, size_bytes, sha256, party, uploaded_by, created_at FROM case_attachment "
                + "WHERE case_id = ? ORDER BY id", Cases::attachmentInfo, c.id());
    }

    public Optional<AttachmentContent> attachment(DisclosureCase c, long attachmentId) {
        return jdbc.query("SELECT id, filename, media_type, size_bytes, sha256, party, uploaded_by, created_at, content "
                + "FROM case_attachment WHERE case_id = ? AND id = ?", (rs, i) -> new AttachmentContent(attachmentInfo(rs, i),
                rs.getBytes(9)), c.id(), attachmentId).stream().findFirst();
    }

    /** The audit log, for the case's coordinators only. */
    public CaseAudit.Log audit(Visible v) {
        if (!v.party().isCoordinator()) throw ApiException.forbidden("only the case's coordinators read its audit log");
        return audit.read(v.c().id());
    }

    // ---- triage and coordination

    public enum Decision { ACCEPT, DECLINE, DUPLICATE }

    @Transactional
    public void triage(Caller caller, String publicId, Decision decision, @Nullable String reason,
            @Nullable String duplicateOf, @Nullable LocalDate embargoUntil, Instant at) {
        Visible v = coordinatorChange(caller, publicId);
        DisclosureCase c = v.c();
        if (c.state() != CaseState.REPORTED) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "case " + publicId + " was triaged already (" + c.state().code() + ")");
        }
        String why = text(reason, "reason", 2_000, decision != Decision.ACCEPT);
        LocalDate today = at.atOffset(ZoneOffset.UTC).toLocalDate();
        switch (decision) {
            case ACCEPT -> {
                LocalDate until = embargoUntil == null ? today.plusDays(embargoDays) : embargoUntil;
                if (until.isBefore(today)) throw ApiException.badRequest("embargoUntil: today or later");
                jdbc.update("UPDATE disclosure_case SET state = 'accepted', coordinator_team_id = ?, embargo_until = ?, "
                        + "triaged_at = ?, closed_reason = ? WHERE id = ?", caller.teamId(), until, sql(at), why, c.id());
                audit.append(c.id(), at, caller.principal(), v.party(), "accepted", "embargo until " + until
                        + (why == null ? "" : "; " + why));
            }
            case DECLINE -> {
                jdbc.update("UPDATE disclosure_case SET state = 'declined', coordinator_team_id = ?, triaged_at = ?, "
                        + "closed_reason = ? WHERE id = ?", caller.teamId(), sql(at), why, c.id());
                audit.append(c.id(), at, caller.principal(), v.party(), "declined", why);
            }
            case DUPLICATE -> {
                if (duplicateOf == null || duplicateOf.equals(publicId)) {
                    throw ApiException.badRequest("duplicateOf: the id of the case this one repeats");
                }
                Visible original = find(caller, duplicateOf).filter(o -> o.party().isCoordinator())
                        .orElseThrow(() -> ApiException.badRequest("duplicateOf: no case " + duplicateOf + " that you coordinate"));
                jdbc.update("UPDATE disclosure_case SET state = 'duplicate', coordinator_team_id = ?, triaged_at = ?, "
                        + "closed_reason = ?, duplicate_of = ? WHERE id = ?", caller.teamId(), sql(at), why, original.c().id(), c.id());
                audit.append(c.id(), at, caller.principal(), v.party(), "duplicate", "of " + duplicateOf + "; " + why);
            }
        }
        DisclosureCase after = load(c.id());
        notify.tell(after, "case." + after.state().code(), "triaged", new CaseNotifications.Audience(true, List.of(), true), at);
    }

    @Transactional
    public void inviteVendor(Caller caller, String publicId, String teamName, Instant at) {
        Visible v = coordinatorChange(caller, publicId);
        requireState(v.c(), CaseState.ACCEPTED, "invite vendors");
        Teams.Team team = teams.byName(teamName).orElseThrow(() -> ApiException.badRequest("team: no team " + teamName));
        if (team.id() == caller.teamId()) throw ApiException.badRequest("team: the coordinators cannot be a vendor of their own case");
        if (isVendor(v.c().id(), team.id())) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", team.name() + " is a vendor of this case already");
        }
        jdbc.update("INSERT INTO case_vendor (case_id, team_id, status, invited_at) VALUES (?, ?, 'unknown', ?)", v.c().id(),
                team.id(), sql(at));
        audit.append(v.c().id(), at, caller.principal(), v.party(), "vendor invited", team.name());
        notify.tell(v.c(), "case.vendor_invited", "vendor " + team.name() + " invited",
                new CaseNotifications.Audience(true, List.of(team.id()), false), at);
    }

    /**
     * A vendor's status and statement: vendors set their own; coordinators may set one for a vendor ({@code team})
     * who told them by other means.
     */
    @Transactional
    public void vendorStatus(Caller caller, String publicId, @Nullable String teamName, VendorStatus status,
            @Nullable String statement, Instant at) {
        Visible v = forChange(caller, publicId);
        if (v.c().state() != CaseState.ACCEPTED && v.c().state() != CaseState.PUBLISHED) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "the case is " + v.c().state().code());
        }
        long team;
        if (v.party().kind() == Party.Kind.VENDOR) {
            if (teamName != null && !teamName.equals(caller.teamName())) throw ApiException.forbidden("a vendor states only its own status");
            team = caller.teamId();
        } else if (v.party().isCoordinator()) {
            if (teamName == null) throw ApiException.badRequest("team: the vendor whose status this is");
            team = teams.byName(teamName).filter(t -> isVendor(v.c().id(), t.id()))
                    .orElseThrow(() -> ApiException.badRequest("team: " + teamName + " is not a vendor of this case")).id();
        } else {
            throw ApiException.forbidden("the reporter states no vendor status");
        }
        String text = text(statement, "statement", 10_000, status != VendorStatus.UNKNOWN);
        jdbc.update("UPDATE case_vendor SET status = ?, statement = ?, answered_at = ? WHERE case_id = ? AND team_id = ?",
                status.code(), text, status == VendorStatus.UNKNOWN ? null : sql(at), v.c().id(), team);
        String name = teams.byId(team).map(Teams.Team::name).orElse("?");
        audit.append(v.c().id(), at, caller.principal(), v.party(), "vendor status", name + ": " + status.code());
        notify.tell(v.c(), "case.vendor_status", name + " is " + status.code(),
                CaseNotifications.Audience.everyone(vendorTeams(v.c())), at);
    }

    @Transactional
    public long message(Caller caller, String publicId, @Nullable Long parentId, String body, boolean privateNote, Instant at) {
        Visible v = forChange(caller, publicId);
        String text = text(body, "body", MAX_TEXT, true);
        if (parentId != null) {
            boolean seen = messages(v).stream().anyMatch(m -> m.id() == parentId);
            if (!seen) throw ApiException.badRequest("parent: no message " + parentId + " in this case");
        }
        long id = Sql.insert(jdbc, "INSERT INTO case_message (case_id, parent_id, party, author, private_note, body, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", v.c().id(), parentId, v.party().code(), caller.principal(), privateNote, text,
                sql(at));
        audit.append(v.c().id(), at, caller.principal(), v.party(), privateNote ? "private note" : "message", "#" + id);
        if (!privateNote) {
            notify.tell(v.c(), "case.message", "a new message", CaseNotifications.Audience.everyone(vendorTeams(v.c())), at);
        }
        return id;
    }

    @Transactional
    public long attach(Caller caller, String publicId, NewAttachment attachment, Instant at) {
        Visible v = forChange(caller, publicId);
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM case_attachment WHERE case_id = ?", Integer.class, v.c().id());
        if (count != null && count >= MAX_ATTACHMENTS_PER_CASE) {
            throw ApiException.badRequest("attachments: at most " + MAX_ATTACHMENTS_PER_CASE + " per case");
        }
        long id = storeAttachment(v.c().id(), attachment, v.party(), caller.principal(), at);
        notify.tell(v.c(), "case.attachment", "a new attachment", CaseNotifications.Audience.everyone(vendorTeams(v.c())), at);
        return id;
    }

    private long storeAttachment(long caseId, NewAttachment a, Party party, String who, Instant at) {
        String filename = fileName(a.filename());
        if (a.content().length == 0) throw ApiException.badRequest("attachment " + filename + ": empty");
        if (a.content().length > maxAttachmentBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "attachment " + filename + ": over "
                    + maxAttachmentBytes + " bytes");
        }
        String mediaType = a.mediaType() == null || !a.mediaType().matches("[\\w.+-]+/[\\w.+-]+")
                ? "application/octet-stream" : a.mediaType().toLowerCase(Locale.ROOT);
        String sha = Sql.sha256(a.content());
        long id = Sql.insert(jdbc, "INSERT INTO case_attachment (case_id, filename, media_type, size_bytes, sha256, content, party, "
                + "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, filename, mediaType,
                (long) a.content().length, sha, a.content(), party.code(), who, sql(at));
        audit.append(caseId, at, who, party, "attachment", filename + " (" + a.content().length + " bytes, sha256 " + sha + ")");
        return id;
    }

    /** Moves the embargo date (an extension, or an earlier date agreed by all); the reason is required and kept. */
    @Transactional
    public void embargo(Caller caller, String publicId, LocalDate until, String reason, Instant at) {
        Visible v = coordinatorChange(caller, publicId);
        requireState(v.c(), CaseState.ACCEPTED, "move the embargo");
        String why = text(reason, "reason", 2_000, true);
        if (until.isBefore(at.atOffset(ZoneOffset.UTC).toLocalDate())) throw ApiException.badRequest("until: today or later");
        LocalDate before = v.c().embargoUntil();
        jdbc.update("UPDATE disclosure_case SET embargo_until = ? WHERE id = ?", until, v.c().id());
        // Reminders count down to the new date afresh.
        jdbc.update("DELETE FROM case_reminder WHERE case_id = ?", v.c().id());
        audit.append(v.c().id(), at, caller.principal(), v.party(), "embargo moved", before + " -> " + until + "; " + why);
        notify.tell(load(v.c().id()), "case.embargo_changed", "embargo until " + until,
                CaseNotifications.Audience.everyone(vendorTeams(v.c())), at);
    }

    /** Keeps the coordinators' advisory draft (checked for publication by {@link AdvisoryPublisher}). */
    @Transactional
    public void saveDraft(Caller caller, String publicId, String draftJson, Instant at) {
        Visible v = coordinatorChange(caller, publicId);
        requireState(v.c(), CaseState.ACCEPTED, "write its advisory");
        jdbc.update("UPDATE disclosure_case SET advisory_draft = ? WHERE id = ?", draftJson, v.c().id());
        audit.append(v.c().id(), at, caller.principal(), v.party(), "advisory draft", "sha256 " + Sql.sha256(draftJson));
    }

    static void requireState(DisclosureCase c, CaseState wanted, String what) {
        if (c.state() != wanted) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "cannot " + what + ": the case is " + c.state().code());
        }
    }

    // ---- helpers

    static String newPublicId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "PGC-" + base32(random);
    }

    /** RFC 4648 base32 in lower case without padding: 26 characters for 128 bits, easy to read out and type. */
    private static String base32(byte[] bytes) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    private static String products(JsonNode products) {
        if (products == null || products.isNull() || products.isMissingNode()) {
            throw ApiException.badRequest("products: at least one {\"vendor\", \"product\", \"versions\"}");
        }
        if (!products.isArray() || products.isEmpty() || products.size() > 50) {
            throw ApiException.badRequest("products: 1 to 50 {\"vendor\", \"product\", \"versions\"}");
        }
        ArrayNode out = JSON.createArrayNode();
        for (int i = 0; i < products.size(); i++) {
            JsonNode p = products.get(i);
            String at = "products/" + i;
            out.addObject().put("vendor", text(textOf(p, "vendor"), at + "/vendor", 200, true))
                    .put("product", text(textOf(p, "product"), at + "/product", 200, true))
                    .put("versions", text(textOf(p, "versions"), at + "/versions", 500, false));
        }
        return out.toString();
    }

    private static @Nullable String textOf(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    /** A text field, stripped; required ones must be there, none may exceed its length. */
    static @Nullable String text(@Nullable String value, String field, int max, boolean required) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) throw ApiException.badRequest(field + ": required");
            return null;
        }
        if (text.length() > max) throw ApiException.badRequest(field + ": at most " + max + " characters");
        return text;
    }

    /** The last path segment, without control characters: what a browser would save it as. */
    static String fileName(@Nullable String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) base = "attachment";
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static DisclosureCase row(ResultSet rs, int i) throws SQLException {
        Long coordinator = (Long) rs.getObject(10);
        return new DisclosureCase(rs.getLong(1), rs.getString(2), CaseState.of(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), coordinator,
                rs.getString(11), rs.getString(12), rs.getObject(13, LocalDate.class), Times.instant(rs, "reported_at"),
                Times.instant(rs, "triaged_at"), Times.instant(rs, "published_at"), rs.getString(17), rs.getString(18));
    }

    private static AttachmentInfo attachmentInfo(ResultSet rs, int i) throws SQLException {
        return new AttachmentInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Times.instant(rs, "created_at"));
    }
}
