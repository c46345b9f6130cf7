package org.patchgap.server.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The overview's counts, for one team or (null) every team. */
@Repository
public class Dashboard {

    /** A vulnerability still open somewhere: how many targets, how severe, whether exploited. */
    public record OpenVulnerability(String id, int targets, String severity, boolean kev) {}

    private final JdbcTemplate jdbc;

    public Dashboard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> openBySeverity(@Nullable Long team) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String level : List.of("critical", "high", "medium", "low", "none", "unknown")) counts.put(level, 0);
        jdbc.query("SELECT f.severity, COUNT(*) FROM finding f JOIN target t ON t.id = f.target_id WHERE f.resolved_at IS NULL"
                + scope(team) + " GROUP BY f.severity", rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, args(team));
        return counts;
    }

    public int count(String condition, @Nullable Long team) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM finding f JOIN target t ON t.id = f.target_id WHERE "
                + "f.resolved_at IS NULL AND " + condition + scope(team), Integer.class, args(team));
        return n == null ? 0 : n;
    }

    public int targets(@Nullable Long team) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM target t WHERE t.removed_at IS NULL" + scope(team), Integer.class,
                args(team));
        return n == null ? 0 : n;
    }

    /** The vulnerabilities open on the most targets, most exploited and severe first. */
    public List<OpenVulnerability> topOpen(@Nullable Long team, int limit) {
        List<OpenVulnerability> out = new ArrayList<>();
        List<Object> a = new ArrayList<>(List.of(args(team)));
        a.add(limit);
        jdbc.query("SELECT f.vulnerability_id, COUNT(DISTINCT f.target_id), MAX(f.severity_rank), MAX(CASE WHEN f.kev THEN 1 ELSE 0 END) "
                + "FROM finding f JOIN target t ON t.id = f.target_id WHERE f.resolved_at IS NULL AND f.status = 'exposed'"
                + scope(team) + " GROUP BY f.vulnerability_id ORDER BY 4 DESC, 3 DESC, 2 DESC, 1 LIMIT ?", rs -> {
                    out.add(new OpenVulnerability(rs.getString(1), rs.getInt(2),
                            org.patchgap.core.model.SeverityLevel.values()[rs.getInt(3)].label(), rs.getInt(4) == 1));
                }, a.toArray());
        return out;
    }

    private static String scope(@Nullable Long team) {
        return team == null ? "" : " AND t.team_id = ?";
    }

    private static Object[] args(@Nullable Long team) {
        return team == null ? new Object[0] : new Object[] {team};
    }
}
