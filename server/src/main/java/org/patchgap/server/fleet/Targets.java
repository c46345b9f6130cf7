package org.patchgap.server.fleet;

import static org.patchgap.server.Times.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Target;
import org.patchgap.server.Times;
import org.patchgap.store.PackageKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stored targets and their current inventories. */
@Repository
public class Targets {

    /** A target row. */
    public record TargetRow(long id, long teamId, String team, String name, Target.Kind kind, @Nullable String hostJson,
            Instant createdAt, Instant updatedAt, @Nullable Instant removedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECT = "SELECT t.id, t.team_id, m.name AS team, t.name, t.kind, t.host_json, t.created_at, "
            + "t.updated_at, t.removed_at FROM target t JOIN team m ON m.id = t.team_id ";

    private final JdbcTemplate jdbc;
    private final org.patchgap.server.SqlDialect dialect;

    public Targets(JdbcTemplate jdbc, org.patchgap.server.SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public Optional<TargetRow> find(long teamId, String name) {
        return jdbc.query(SELECT + "WHERE t.team_id = ? AND t.name = ?", Targets::row, teamId, name).stream().findFirst();
    }

    public Optional<TargetRow> byId(long id) {
        return jdbc.query(SELECT + "WHERE t.id = ?", Targets::row, id).stream().findFirst();
    }

    /** Every target of that name the caller's teams hold (an administrator may see one per team). */
    public List<TargetRow> named(String name, @Nullable Long teamId) {
        return teamId == null
                ? jdbc.query(SELECT + "WHERE t.name = ? ORDER BY m.name", Targets::row, name)
                : jdbc.query(SELECT + "WHERE t.name = ? AND t.team_id = ?", Targets::row, name, teamId);
    }

    public List<TargetRow> list(@Nullable Long teamId, boolean includeRemoved, int offset, int limit) {
        String where = (teamId == null ? "WHERE 1 = 1 " : "WHERE t.team_id = " + teamId + " ")
                + (includeRemoved ? "" : "AND t.removed_at IS NULL ");
        return jdbc.query(SELECT + where + "ORDER BY m.name, t.name LIMIT ? OFFSET ?", Targets::row, limit, offset);
    }

    /**
     * The target's row, locked for this transaction (so that uploads and re-matches of one target run one after
     * the other), made first when it does not exist.
     */
    TargetRow lockOrCreate(long teamId, String name, Target.Kind kind, Instant at) {
        // ON CONFLICT: two first uploads of one name at once must not fail (nor, in PostgreSQL, abort the transaction).
        if (!dialect.hasOnConflict()) {
            jdbc.update("MERGE INTO target t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(20)), "
                    + "CAST(? AS TIMESTAMP WITH TIME ZONE))) AS v (team_id, name, kind, made) ON t.team_id = v.team_id AND t.name = v.name "
                    + "WHEN NOT MATCHED THEN INSERT (team_id, name, kind, created_at, updated_at) VALUES (v.team_id, v.name, v.kind, v.made, v.made)",
                    teamId, name, kind.name(), sql(at));
        } else {
            jdbc.update("INSERT INTO target (team_id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", teamId, name, kind.name(), sql(at), sql(at));
        }
        List<Long> ids = jdbc.queryForList("SELECT id FROM target WHERE team_id = ? AND name = ? FOR UPDATE", Long.class,
                teamId, name);
        if (!ids.isEmpty()) return byId(ids.get(0)).orElseThrow();
        throw new IllegalStateException("cannot create or lock target " + name);
    }

    void lock(long targetId) {
        jdbc.queryForList("SELECT id FROM target WHERE id = ? FOR UPDATE", Long.class, targetId);
    }

    void replaceInventory(long targetId, Target target, Instant at) {
        jdbc.update("DELETE FROM component WHERE target_id = ?", targetId);
        List<Object[]> rows = new ArrayList<>(target.components().size());
        for (Component c : target.components()) {
            PackageKey key = PackageKey.of(c);
            rows.add(new Object[] {targetId, c.ecosystem(), c.name(), c.version(), c.purl(), c.cpe(), c.location().file(),
                    c.location().place(), key == null ? null : key.ecosystem(), key == null ? null : key.key()});
        }
        jdbc.batchUpdate("INSERT INTO component (target_id, ecosystem, name, version, purl, cpe, location_file, location_place, "
                + "eco_key, pkg_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("UPDATE target SET kind = ?, host_json = ?, updated_at = ?, removed_at = NULL WHERE id = ?",
                target.kind().name(), hostJson(target.host()), sql(at), targetId);
    }

    void markRemoved(long targetId, Instant at) {
        jdbc.update("DELETE FROM component WHERE target_id = ?", targetId);
        jdbc.update("UPDATE target SET removed_at = ?, updated_at = ? WHERE id = ?", sql(at), sql(at), targetId);
    }

    /** The stored target as the engine's model, its components in the order they were uploaded. */
    public Target load(TargetRow row) {
        List<Component> components = jdbc.query("SELECT ecosystem, name, version, purl, cpe, location_file, location_place "
                + "FROM component WHERE target_id = ? ORDER BY id", Targets::component, row.id());
        return new Target(row.name(), row.kind(), row.name(), components, host(row.hostJson()));
    }

    /**
     * The reverse index: for each target that has a component under one of the keys, those components. What a
     * re-match reads is in proportion to the components the keys name, not to the fleet.
     */
    Map<Long, List<Component>> componentsUnder(Collection<PackageKey> keys) {
        Map<String, List<String>> byEcosystem = new HashMap<>();
        for (PackageKey key : keys) byEcosystem.computeIfAbsent(key.ecosystem(), k -> new ArrayList<>()).add(key.key());
        Map<Long, List<Component>> byTarget = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byEcosystem.entrySet()) {
            for (List<String> chunk : org.patchgap.server.Sql.chunks(e.getValue())) {
                org.patchgap.server.SqlDialect.Condition in = dialect.packageIn("eco_key", "pkg_key", e.getKey(), chunk);
                jdbc.query("SELECT target_id, ecosystem, name, version, purl, cpe, location_file, location_place FROM component "
                        + "WHERE " + in.sql() + " ORDER BY target_id, id", rs -> {
                            byTarget.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Component(rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getString(5), new Location(rs.getString(7),
                                    rs.getString(8)), rs.getString(6)));
                        }, in.args());
            }
        }
        return byTarget;
    }

    /**
     * Targets whose host facts may say Windows (what a change of Microsoft's documents can concern): a cheap text
     * filter; the caller decides with {@code WindowsHosts.isWindows}.
     */
    List<Long> windowsHosts() {
        return jdbc.queryForList("SELECT id FROM target WHERE removed_at IS NULL AND host_json IS NOT NULL "
                + "AND LOWER(host_json) LIKE '%windows%' ORDER BY id", Long.class);
    }

    public List<Component> components(long targetId, int offset, int limit) {
        return jdbc.query("SELECT ecosystem, name, version, purl, cpe, location_file, location_place FROM component "
                + "WHERE target_id = ? ORDER BY id LIMIT ? OFFSET ?", Targets::component, targetId, limit, offset);
    }

    public int componentCount(long targetId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM component WHERE target_id = ?", Integer.class, targetId);
        return n == null ? 0 : n;
    }

    static @Nullable HostFacts host(@Nullable String json) {
        if (json == null) return null;
        try {
            return JSON.readValue(json, HostFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored host facts do not read: " + e.getOriginalMessage(), e);
        }
    }

    static @Nullable String hostJson(@Nullable HostFacts host) {
        if (host == null) return null;
        try {
            return JSON.writeValueAsString(host);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("host facts cannot be written as JSON", e);
        }
    }

    private static Component component(ResultSet rs, int i) throws SQLException {
        return new Component(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new Location(rs.getString(6), rs.getString(7)), rs.getString(5));
    }

    private static TargetRow row(ResultSet rs, int i) throws SQLException {
        return new TargetRow(rs.getLong("id"), rs.getLong("team_id"), rs.getString("team"), rs.getString("name"),
                Target.Kind.valueOf(rs.getString("kind")), rs.getString("host_json"), Times.instant(rs, "created_at"),
                Times.instant(rs, "updated_at"), Times.instant(rs, "removed_at"));
    }
}
