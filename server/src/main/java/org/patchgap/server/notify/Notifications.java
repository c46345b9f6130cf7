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
        for (Opened o : opened) {
            Long team = jdbc.queryForObject("SELECT team_id FROM target WHERE id = ?", Long.class, o.targetId());
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

    public List<Channel> channels(long teamId) {
        return jdbc.query("SELECT id, team_id, kind, address, secret, min_severity FROM notification_channel WHERE team_id = ? "
                + "ORDER BY id", (rs, i) -> new Channel(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), SeverityLevel.valueOf(rs.getString(6))), teamId);
    }

    public long addChannel(long teamId, String kind, String address, String secret, SeverityLevel minSeverity, Instant at) {
        jdbc.update("INSERT INTO notification_channel (team_id, kind, address, secret, min_severity, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", teamId, kind, address, secret, minSeverity.name(), sql(at));
        return jdbc.queryForObject("SELECT MAX(id) FROM notification_channel WHERE team_id = ?", Long.class, teamId);
    }

    private void queue(Channel channel, String event, String payload, Instant at) {
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
