package org.patchgap.server.auth;

import static org.patchgap.server.Times.sql;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.patchgap.server.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * API keys: made here, shown once, kept only as a SHA-256 hash. A key is {@code pgk_} and 43 characters of
 * base64url (256 random bits), so a fast hash is safe: there is nothing to guess from it (unlike a password,
 * which would need a slow KDF).
 */
@Repository
public class ApiKeys {

    /** A key as listed: never the key itself. */
    public record KeyInfo(long id, String name, String team, Role role, String prefix, Instant createdAt,
            Instant revokedAt) {}

    /** A key just made: the only time its secret exists outside the caller's hands. */
    public record NewKey(long id, String secret) {}

    private static final String PREFIX = "pgk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public NewKey create(long teamId, String name, Role role, Instant at) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = Sql.insert(jdbc, "INSERT INTO api_key (team_id, name, role, key_prefix, key_hash, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", teamId, name, role.name(), secret.substring(0, 10), hash(secret), sql(at));
        return new NewKey(id, secret);
    }

    /** The caller a presented key stands for, if it is a key we made and it is not revoked. */
    public Optional<Caller> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) return Optional.empty();
        List<Caller> found = jdbc.query("SELECT k.id, k.team_id, t.name, k.role, k.name, k.key_prefix FROM api_key k "
                        + "JOIN team t ON t.id = k.team_id WHERE k.key_hash = ? AND k.revoked_at IS NULL",
                (rs, i) -> new Caller(rs.getLong(1), rs.getLong(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        "key " + rs.getString(5) + " (" + rs.getString(6) + ")"),
                hash(presented));
        return found.stream().findFirst();
    }

    public List<KeyInfo> list() {
        return jdbc.query("SELECT k.id, k.name, t.name, k.role, k.key_prefix, k.created_at, k.revoked_at FROM api_key k "
                + "JOIN team t ON t.id = k.team_id ORDER BY k.id", (rs, i) -> new KeyInfo(rs.getLong(1), rs.getString(2),
                rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5),
                org.patchgap.server.Times.instant(rs, "created_at"), org.patchgap.server.Times.instant(rs, "revoked_at")));
    }

    /** Revokes a key; false when there is no such key or it was revoked before. */
    public boolean revoke(long id, Instant at) {
        return jdbc.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", sql(at), id) == 1;
    }

    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM api_key", Integer.class);
        return n == null ? 0 : n;
    }

    static String hash(String secret) {
        return Sql.sha256(secret);
    }
}
