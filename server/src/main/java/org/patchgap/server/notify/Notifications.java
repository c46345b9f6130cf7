package org.patchgap.server.notify;

import static org.patchgap.server.Times.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.server.fleet.FindingLedger.Opened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Queues notifications (an outbox in the same transaction as the change that causes them, so a crash never
 * sends news of a change that did not commit, nor loses one that did); {@link NotificationDispatcher} delivers.
 * One notification per channel and change, listing every finding it concerns at or above the channel's
 * threshold.
 */
@Service
public class Notifications {

    /** A team's channel. */
    public record Channel(long id, long teamId, String kind, String address, String secret, SeverityLevel minSeverity) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public Notifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void findingsOpened(List<Opened> opened, Instant at) {
        if (opened.isEmpty()) return;
        Map<Long, List<Opened>> byTeam = new LinkedHashMap<>();
        Map<Long, Long> teamOfTarget = new java.util.HashMap<>();
        for (Opened o : opened) {
            Long team = teamOfTarget.computeIfAbsent(o.targetId(),
                    t -> jdbc.queryForObject("SELECT team_id FROM target WHERE id = ?", Long.class, t));
            byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(o);
        }
        for (Map.Entry<Long, List<Opened>> e : byTeam.entrySet()) {
            for (Channel channel : channels(e.getKey())) {
                List<Opened> wanted = e.getValue().stream()
                        .filter(o -> o.finding().finding().severity().level().compareTo(channel.minSeverity()) >= 0
                                || o.finding().kev() != null)
                        .toList();
                if (wanted.isEmpty()) continue;
                queue(channel, "findings.opened", payload("findings.opened", wanted, at), at);
            }
        }
    }

    /** A stored finding, as a notification lists it. */
    record Row(long findingId, long teamId, String target, String vulnerability, String pkg, String version,
            String severity, boolean kev, String dueDate) {}

    /** CISA added these CVEs to KEV: every team with an open finding of one of them is told. */
    public void kevAdded(List<String> cves, Instant at) {
        if (cves.isEmpty()) return;
        List<Row> rows = new ArrayList<>();
        for (List<String> chunk : org.patchgap.server.Sql.chunks(cves)) {
            rows.addAll(jdbc.query(ROWS + " WHERE f.resolved_at IS NULL AND EXISTS (SELECT 1 FROM finding_alias a WHERE "
                    + "a.finding_id = f.id AND a.alias IN (" + org.patchgap.server.Sql.placeholders(chunk.size())
                    + ")) ORDER BY f.id", Notifications::row, chunk.toArray()));
        }
        queueRows("kev.added", rows, at);
    }

    /**
     * Open findings whose KEV due date is before {@code today} and whose team was not told yet: told once
     * ({@code kev.overdue}), and marked.
     */
    public int kevOverdue(java.time.LocalDate today, Instant at) {
        List<Row> rows = jdbc.query(ROWS + " WHERE f.resolved_at IS NULL AND f.kev_due IS NOT NULL AND f.kev_due < ? "
                + "AND f.kev_overdue_notified_at IS NULL ORDER BY f.id", Notifications::row, today);
        queueRows("kev.overdue", rows, at);
        for (Row r : rows) {
            jdbc.update("UPDATE finding SET kev_overdue_notified_at = ? WHERE id = ?", sql(at), r.findingId());
        }
        return rows.size();
    }

    private static final String ROWS = "SELECT f.id, t.team_id, t.name, f.vulnerability_id, f.package_name, f.package_version, "
            + "f.severity, f.kev, f.kev_due FROM finding f JOIN target t ON t.id = f.target_id";

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        java.time.LocalDate due = rs.getObject(9, java.time.LocalDate.class);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8), due == null ? null : due.toString());
    }

    /** KEV events go to every channel of the team, whatever its severity threshold: exploitation is the point. */
    private void queueRows(String event, List<Row> rows, Instant at) {
        Map<Long, List<Row>> byTeam = new LinkedHashMap<>();
        for (Row r : rows) byTeam.computeIfAbsent(r.teamId(), k -> new ArrayList<>()).add(r);
        for (Map.Entry<Long, List<Row>> e : byTeam.entrySet()) {
            for (Channel channel : channels(e.getKey())) {
                ObjectNode root = JSON.createObjectNode();
                root.put("event", event);
                root.put("at", at.toString());
                ArrayNode findings = root.putArray("findings");
                for (Row r : e.getValue()) {
                    findings.addObject().put("id", r.findingId()).put("target", r.target()).put("vulnerability", r.vulnerability())
                            .put("package", r.pkg()).put("version", r.version()).put("severity", r.severity())
                            .put("knownExploited", r.kev()).put("kevDueDate", r.dueDate());
                }
                queue(channel, event, root.toString(), at);
            }
        }
    }

    public List<Channel> channels(long teamId) {
        return jdbc.query("SELECT id, team_id, kind, address, secret, min_severity FROM notification_channel WHERE team_id = ? "
                + "ORDER BY id", (rs, i) -> new Channel(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), SeverityLevel.valueOf(rs.getString(6))), teamId);
    }

    public long addChannel(long teamId, String kind, String address, String secret, SeverityLevel minSeverity, Instant at) {
        return org.patchgap.server.Sql.insert(jdbc, "INSERT INTO notification_channel (team_id, kind, address, secret, "
                + "min_severity, created_at) VALUES (?, ?, ?, ?, ?, ?)", teamId, kind, address, secret, minSeverity.name(),
                sql(at));
    }

    /** The channels of a case's reporter (an e-mail address they left with the report); no team owns them. */
    public List<Channel> caseChannels(long caseId) {
        return jdbc.query("SELECT id, team_id, kind, address, secret, min_severity FROM notification_channel WHERE case_id = ? "
                + "ORDER BY id", (rs, i) -> new Channel(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), SeverityLevel.valueOf(rs.getString(6))), caseId);
    }

    public long addReporterChannel(long caseId, String email, Instant at) {
        return org.patchgap.server.Sql.insert(jdbc, "INSERT INTO notification_channel (team_id, case_id, kind, address, "
                + "min_severity, created_at) VALUES (NULL, ?, 'email', ?, ?, ?)", caseId, email, SeverityLevel.UNKNOWN.name(),
                sql(at));
    }

    /** Queues one notification to one channel (delivered by {@link NotificationDispatcher}). */
    public void queue(Channel channel, String event, String payload, Instant at) {
        jdbc.update("INSERT INTO notification (channel_id, event, payload, created_at, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, 0, ?)", channel.id(), event, payload, sql(at), sql(at));
    }

    private String payload(String event, List<Opened> opened, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        root.put("event", event);
        root.put("at", at.toString());
        ArrayNode findings = root.putArray("findings");
        for (Opened o : opened) {
            ObjectNode f = findings.addObject();
            f.put("id", o.findingId());
            f.put("target", o.finding().finding().target());
            f.put("vulnerability", o.finding().vulnerabilityId());
            f.put("package", o.finding().finding().component().name());
            f.put("version", o.finding().finding().component().version());
            f.put("severity", o.finding().finding().severity().level().label());
            f.put("knownExploited", o.finding().kev() != null);
        }
        return root.toString();
    }
}
