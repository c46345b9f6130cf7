package org.patchgap.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.patchgap.server.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The secret follow-up token a reporter gets with each report ({@code pgr_} + 256 random bits, kept only as its
 * SHA-256 like API keys): with it, and nothing else, an anonymous reporter reads and answers their own case, over
 * the API ({@code Authorization: Bearer pgr_...}) or by signing in to the web UI with it.
 */
@Repository
public class ReporterTokens {

    public static final String PREFIX = "pgr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public ReporterTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token; the caller stores {@link #hash} of it with the report. */
    public static String create() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String hash(String token) {
        return Sql.sha256(token);
    }

    public static boolean looksLikeToken(String presented) {
        return presented.startsWith(PREFIX);
    }

    /** The reporter a token stands for, if it is the token of a report. */
    public Optional<Caller> authenticate(String presented) {
        if (!looksLikeToken(presented) || presented.length() > 100) return Optional.empty();
        List<String> cases = jdbc.queryForList("SELECT public_id FROM disclosure_case WHERE reporter_token_hash = ?",
                String.class, hash(presented));
        return cases.stream().findFirst().map(id -> new Caller(0, 0, "", Role.READONLY, "reporter of " + id, id));
    }
}
