package org.patchgap.server.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Teams: who owns targets. Every key belongs to one. */
@Repository
public class Teams {

    public record Team(long id, String name) {}

    private final JdbcTemplate jdbc;

    public Teams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Team> byName(String name) {
        return jdbc.query("SELECT id, name FROM team WHERE name = ?", (rs, i) -> new Team(rs.getLong(1), rs.getString(2)),
                name).stream().findFirst();
    }

    public Optional<Team> byId(long id) {
        return jdbc.query("SELECT id, name FROM team WHERE id = ?", (rs, i) -> new Team(rs.getLong(1), rs.getString(2)),
                id).stream().findFirst();
    }

    /** The team of that name, made if it does not exist yet. */
    public Team ensure(String name, Instant at) {
        return byName(name).orElseGet(() -> {
            jdbc.update("INSERT INTO team (name, created_at) VALUES (?, ?)", name, at.atOffset(ZoneOffset.UTC));
            return byName(name).orElseThrow();
        });
    }

    public List<Team> list() {
        return jdbc.query("SELECT id, name FROM team ORDER BY name", (rs, i) -> new Team(rs.getLong(1), rs.getString(2)));
    }

}
