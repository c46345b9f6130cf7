package org.patchgap.server.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.server.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads stored findings for the API: the CLI's JSON shape of each, plus its history fields. */
@Repository
public class FindingStore {

    /** A page of findings. */
    public record Page(int page, int size, long total, List<ObjectNode> findings) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "f.id, f.target_id, t.name AS target_name, m.name AS team_name, f.body, f.status, "
            + "f.first_seen, f.opened_at, f.resolved_at, f.resolution, f.fix_published, f.vulnerability_id, "
            + "a.state AS a_state, a.justification AS a_justification, a.detail AS a_detail, a.until_date AS a_until, "
            + "a.decided_by AS a_by, a.decided_at AS a_at";
    private static final String TEAM_AND_ANALYSIS = " JOIN team m ON m.id = t.team_id LEFT JOIN finding_analysis a ON a.id = f.analysis_id";
    private static final String FROM_JOINS = " JOIN target t ON t.id = f.target_id" + TEAM_AND_ANALYSIS;
    private static final String FROM = " FROM finding f" + FROM_JOINS;
    /** An analysis in force: one recorded, and not an accepted risk past its date (the ? is today). */
    private static final String IN_FORCE = "(a.id IS NOT NULL AND NOT (a.state = 'accepted_risk' AND a.until_date < ?))";

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    public FindingStore(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    public Page find(FindingQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        // The most selective filter's table comes first, so that its index is where the query starts: HSQLDB joins
        // in the order written (a vulnerability's or a target's findings were found by reading every finding).
        if (q.vulnerability() != null) {
            where.append(" FROM finding_alias fa JOIN finding f ON f.id = fa.finding_id AND fa.alias = ?").append(FROM_JOINS);
            args.add(q.vulnerability());
        } else if (q.target() != null) {
            where.append(" FROM target t JOIN finding f ON f.target_id = t.id").append(TEAM_AND_ANALYSIS);
        } else {
            where.append(FROM);
        }
        where.append(" WHERE 1 = 1");
        if (q.analysis() != null) {
            where.append(q.analysis().equals("none") ? " AND NOT " : " AND ").append(IN_FORCE);
            args.add(today());
            if (!q.analysis().equals("none") && !q.analysis().equals("any")) {
                where.append(" AND a.state = ?");
                args.add(q.analysis());
            }
        }
        if (q.teamId() != null) {
            where.append(" AND t.team_id = ?");
            args.add(q.teamId());
        }
        if (q.target() != null) {
            where.append(" AND t.name = ?");
            args.add(q.target());
        }
        if (!q.severities().isEmpty()) {
            where.append(" AND f.severity_rank IN (").append(org.patchgap.server.Sql.placeholders(q.severities().size())).append(")");
            for (SeverityLevel level : q.severities()) args.add(level.ordinal());
        }
        if (q.minSeverity() != null) {
            where.append(" AND f.severity_rank >= ?");
            args.add(q.minSeverity().ordinal());
        }
        if (q.kev() != null) {
            where.append(" AND f.kev = ?");
            args.add(q.kev());
        }
        switch (q.status()) {
            case "open" -> where.append(" AND f.resolved_at IS NULL");
            case "resolved" -> where.append(" AND f.resolved_at IS NOT NULL");
            default -> { }
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<ObjectNode> rows = jdbc.query("SELECT " + COLUMNS + where
                + " ORDER BY " + FindingQuery.SORTS.getOrDefault(q.sort(), FindingQuery.SORTS.get("severity")) + " LIMIT ? OFFSET ?",
                this::node, pageArgs.toArray());
        return new Page(q.page(), q.size(), total == null ? 0 : total, rows);
    }

    /**
     * Every finding {@code q} selects (its page and size ignored), in pages of 1,000, up to {@code limit}.
     *
     * @return whether more than {@code limit} were selected (the rest not passed on)
     */
    public boolean forEach(FindingQuery q, int limit, java.util.function.Consumer<ObjectNode> sink) {
        for (int p = 0; ; p++) {
            Page chunk = find(q.page(p, 1000));
            for (int i = 0; i < chunk.findings().size(); i++) {
                if ((long) p * 1000 + i >= limit) return true;
                sink.accept(chunk.findings().get(i));
            }
            if (chunk.findings().size() < 1000) return false;
        }
    }

    /** One finding with its episodes, if it exists; the caller's team decides whether it may be shown. */
    public Optional<Long> teamOf(long findingId) {
        return jdbc.queryForList("SELECT t.team_id FROM finding f JOIN target t ON t.id = f.target_id WHERE f.id = ?",
                Long.class, findingId).stream().findFirst();
    }

    public ObjectNode withHistory(long findingId) {
        ObjectNode node = jdbc.query("SELECT " + COLUMNS + FROM + " WHERE f.id = ?", this::node, findingId).get(0);
        ArrayNode history = node.putArray("history");
        jdbc.query("SELECT opened_at, resolved_at, opened_by, resolved_by FROM finding_episode WHERE finding_id = ? ORDER BY id",
                rs -> {
                    ObjectNode e = history.addObject();
                    e.put("openedAt", String.valueOf(Times.instant(rs, "opened_at")));
                    Instant resolved = Times.instant(rs, "resolved_at");
                    if (resolved == null) e.putNull("resolvedAt"); else e.put("resolvedAt", resolved.toString());
                    e.put("openedBy", rs.getString("opened_by"));
                    e.put("resolvedBy", rs.getString("resolved_by"));
                }, findingId);
        ArrayNode analyses = node.putArray("analyses");
        jdbc.query("SELECT state, justification, detail, until_date, decided_by, decided_at FROM finding_analysis "
                + "WHERE finding_id = ? ORDER BY id", rs -> {
                    analyses.add(analysisNode(rs.getString("state"), rs.getString("justification"), rs.getString("detail"),
                            rs.getObject("until_date", java.time.LocalDate.class), rs.getString("decided_by"),
                            Times.instant(rs, "decided_at")));
                }, findingId);
        return node;
    }

    private ObjectNode analysisNode(String state, String justification, String detail, java.time.LocalDate until,
            String by, Instant at) {
        Analysis a = new Analysis(state, justification, detail, until, by, at);
        ObjectNode n = JSON.createObjectNode();
        n.put("state", state);
        n.put("justification", justification);
        n.put("detail", detail);
        n.put("until", until == null ? null : until.toString());
        n.put("decidedBy", by);
        n.put("decidedAt", at.toString());
        n.put("inForce", a.inForceOn(today()));
        return n;
    }

    private ObjectNode node(ResultSet rs, int i) throws SQLException {
        ObjectNode node;
        try {
            node = (ObjectNode) JSON.readTree(rs.getString("body"));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored finding does not read as JSON", e);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("id", rs.getLong("id"));
        out.put("team", rs.getString("team_name"));
        out.setAll(node);
        out.put("target", rs.getString("target_name"));
        out.put("status", rs.getString("resolved_at") == null ? "open" : "resolved");
        out.put("exposure", rs.getString("status"));
        putInstant(out, "firstSeen", Times.instant(rs, "first_seen"));
        putInstant(out, "openedAt", Times.instant(rs, "opened_at"));
        putInstant(out, "resolvedAt", Times.instant(rs, "resolved_at"));
        out.put("resolution", rs.getString("resolution"));
        putInstant(out, "fixPublished", Times.instant(rs, "fix_published"));
        String state = rs.getString("a_state");
        if (state == null) {
            out.putNull("analysis");
        } else {
            out.set("analysis", analysisNode(state, rs.getString("a_justification"), rs.getString("a_detail"),
                    rs.getObject("a_until", java.time.LocalDate.class), rs.getString("a_by"), Times.instant(rs, "a_at")));
        }
        return out;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) node.putNull(field); else node.put(field, value.toString());
    }
}
