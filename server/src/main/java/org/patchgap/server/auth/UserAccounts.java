package org.patchgap.server.auth;

import static org.patchgap.server.Times.sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * User accounts for the web UI: a password hashed with Argon2id (Spring Security's defaults of 2023: 16 MiB,
 * 2 iterations), the team and role as an API key has them.
 */
@Repository
public class UserAccounts {

    /** A user as listed. */
    public record User(long id, String username, String team, Role role, Instant createdAt) {}

    static final PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Hashed once, so that an unknown user name costs as much as a wrong password. */
    private static final String DUMMY = ENCODER.encode("not a password of anyone");

    private final JdbcTemplate jdbc;

    public UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void create(long teamId, String username, String password, Role role, Instant at) {
        jdbc.update("INSERT INTO app_user (team_id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)", teamId,
                username, ENCODER.encode(password), role.name(), sql(at));
    }

    public boolean exists(String username) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    /** The caller a user name and password stand for; the same work whether the name exists or not. */
    public Optional<Caller> authenticate(String username, String password) {
        List<Object[]> rows = jdbc.query("SELECT u.password_hash, u.team_id, t.name, u.role FROM app_user u "
                + "JOIN team t ON t.id = u.team_id WHERE u.username = ? AND u.disabled_at IS NULL",
                (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)}, username);
        if (rows.isEmpty()) {
            ENCODER.matches(password, DUMMY);
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        if (!ENCODER.matches(password, (String) r[0])) return Optional.empty();
        return Optional.of(new Caller(0, (Long) r[1], (String) r[2], Role.valueOf((String) r[3]), "user " + username));
    }

    public List<User> list() {
        return jdbc.query("SELECT u.id, u.username, t.name, u.role, u.created_at FROM app_user u JOIN team t ON t.id = u.team_id "
                + "WHERE u.disabled_at IS NULL ORDER BY u.username", (rs, i) -> new User(rs.getLong(1), rs.getString(2),
                rs.getString(3), Role.valueOf(rs.getString(4)), org.patchgap.server.Times.instant(rs, "created_at")));
    }
}
