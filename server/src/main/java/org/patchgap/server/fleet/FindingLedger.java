package org.patchgap.server.fleet;

import static org.patchgap.server.Times.sql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The history of findings. A match run of a target is compared with what the target had: a finding it has for
 * the first time is opened; one that was resolved and is back is re-opened (a new episode); one the run no
 * longer yields, within the run's {@link Scope}, is resolved; one still there keeps its dates and gets the
 * current details. Running the same match twice changes nothing. Rows are never deleted.
 */
@Repository
public class FindingLedger {

    /** What a reconciliation changed, and how many findings of the scope are open after it. */
    public record Outcome(int opened, int reopened, int resolved, int unchanged) {

        static final Outcome NONE = new Outcome(0, 0, 0, 0);

        public Outcome plus(Outcome o) {
            return new Outcome(opened + o.opened, reopened + o.reopened, resolved + o.resolved, unchanged + o.unchanged);
        }

        public boolean changedAnything() {
            return opened + reopened + resolved > 0;
        }
    }

    /** A finding newly opened or re-opened, for notifications. */
    public record Opened(long findingId, long targetId, MatchedFinding finding) {}

    private record Existing(long id, String ecoKey, String pkgKey, boolean open, String body) {}

    private final JdbcTemplate jdbc;

    public FindingLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param cause why findings the run no longer yields are resolved ({@code upload}, {@code advisory update},
     *              {@code target removed}), kept in the episode
     * @param opened receives every finding opened or re-opened
     */
    Outcome reconcile(long targetId, Scope scope, List<MatchedFinding> found, Instant at, String cause,
            List<Opened> opened) {
        Map<String, Existing> existing = new HashMap<>();
        jdbc.query("SELECT id, finding_key, eco_key, pkg_key, resolved_at, body FROM finding WHERE target_id = ?", rs -> {
            existing.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4),
                    rs.getObject(5) == null, rs.getString(6)));
        }, targetId);
        int newlyOpened = 0;
        int reopened = 0;
        int resolved = 0;
        int unchanged = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (MatchedFinding f : found) {
            seen.add(f.key());
            String body = new String(f.body(), StandardCharsets.UTF_8);
            Existing e = existing.get(f.key());
            if (e == null) {
                long id = insert(targetId, f, body, at, cause);
                opened.add(new Opened(id, targetId, f));
                newlyOpened++;
            } else if (!e.open()) {
                jdbc.update("UPDATE finding SET resolved_at = NULL, resolution = NULL, opened_at = ? WHERE id = ?", sql(at), e.id());
                update(e.id(), f, body);
                openEpisode(e.id(), at, cause);
                opened.add(new Opened(e.id(), targetId, f));
                reopened++;
            } else {
                if (!e.body().equals(body)) update(e.id(), f, body);
                unchanged++;
            }
        }
        for (Map.Entry<String, Existing> entry : existing.entrySet()) {
            Existing e = entry.getValue();
            if (!e.open() || seen.contains(entry.getKey()) || !scope.covers(e.ecoKey(), e.pkgKey())) continue;
            resolve(e.id(), at, cause);
            resolved++;
        }
        return new Outcome(newlyOpened, reopened, resolved, unchanged);
    }

    /** Resolves every open finding of the target (its explicit removal). */
    int resolveAll(long targetId, Instant at, String cause) {
        List<Long> open = jdbc.queryForList("SELECT id FROM finding WHERE target_id = ? AND resolved_at IS NULL", Long.class,
                targetId);
        for (long id : open) resolve(id, at, cause);
        return open.size();
    }

    private void resolve(long id, Instant at, String cause) {
        jdbc.update("UPDATE finding SET resolved_at = ?, resolution = ? WHERE id = ?", sql(at), cause, id);
        jdbc.update("UPDATE finding_episode SET resolved_at = ?, resolved_by = ? WHERE finding_id = ? AND resolved_at IS NULL",
                sql(at), cause, id);
    }

    private long insert(long targetId, MatchedFinding f, String body, Instant at, String cause) {
        long id = org.patchgap.server.Sql.insert(jdbc, "INSERT INTO finding (target_id, finding_key, vulnerability_id, "
                + "eco_key, pkg_key, package_name, package_version, status, severity, severity_rank, kev_due, kev, epss, "
                + "fix_published, first_seen, opened_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                targetId, f.key(), f.vulnerabilityId(), f.packageKey().ecosystem(), f.packageKey().key(),
                f.finding().component().name(), f.finding().component().version(), status(f),
                f.finding().severity().level().label(), f.finding().severity().level().ordinal(),
                f.kev() == null ? null : f.kev().dueDate(), f.kev() != null, f.epss() == null ? null : f.epss().score(),
                sql(f.fixPublished()), sql(at), sql(at), body);
        List<Object[]> aliases = new ArrayList<>();
        for (String alias : f.ids()) aliases.add(new Object[] {id, alias});
        jdbc.batchUpdate("INSERT INTO finding_alias (finding_id, alias) VALUES (?, ?)", aliases);
        openEpisode(id, at, cause);
        return id;
    }

    private void update(long id, MatchedFinding f, String body) {
        jdbc.update("UPDATE finding SET vulnerability_id = ?, package_name = ?, package_version = ?, status = ?, severity = ?, "
                + "severity_rank = ?, kev_due = ?, kev = ?, epss = ?, fix_published = ?, body = ? WHERE id = ?",
                f.vulnerabilityId(), f.finding().component().name(), f.finding().component().version(),
                status(f), f.finding().severity().level().label(),
                f.finding().severity().level().ordinal(), f.kev() == null ? null : f.kev().dueDate(), f.kev() != null,
                f.epss() == null ? null : f.epss().score(), sql(f.fixPublished()), body, id);
        List<String> known = jdbc.queryForList("SELECT alias FROM finding_alias WHERE finding_id = ?", String.class, id);
        List<Object[]> added = new ArrayList<>();
        for (String alias : f.ids()) if (!known.contains(alias)) added.add(new Object[] {id, alias});
        if (!added.isEmpty()) jdbc.batchUpdate("INSERT INTO finding_alias (finding_id, alias) VALUES (?, ?)", added);
    }

    /** The exposure column: a Windows "cannot tell" is kept apart from real exposures. */
    private static String status(MatchedFinding f) {
        return f.exposed() ? "exposed" : "cannot_tell";
    }

    private void openEpisode(long findingId, Instant at, String cause) {
        jdbc.update("INSERT INTO finding_episode (finding_id, opened_at, opened_by) VALUES (?, ?, ?)", findingId, sql(at), cause);
    }

}
