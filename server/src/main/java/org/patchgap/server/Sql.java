package org.patchgap.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Small helpers the repositories share: IN lists bounded in size, and the one content hash. */
public final class Sql {

    /** How many values one {@code IN (...)} takes: well under every database's parameter limit. */
    public static final int IN_CHUNK = 500;

    private Sql() {}

    /** {@code ?, ?, ?} for {@code n} parameters. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The values in pieces of at most {@link #IN_CHUNK}, for one query each. */
    public static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_CHUNK) {
            out.add(values.subList(from, Math.min(values.size(), from + IN_CHUNK)));
        }
        return out;
    }

    /** Runs an INSERT and returns the generated {@code id} of the row (one statement, no second lookup). */
    public static long insert(org.springframework.jdbc.core.JdbcTemplate jdbc, String sql, Object... args) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The hex SHA-256 of bytes: content hashes of records and uploads, and API keys at rest. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
