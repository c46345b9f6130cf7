package org.patchgap.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Where the databases the server runs on (PostgreSQL, HSQLDB, H2) need different SQL for the same thing: the one
 * place that knows which database this is (ADR 0016).
 */
@Component
public final class SqlDialect {

    private final boolean hsqldb;

    public SqlDialect(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            this.hsqldb = isHsqldb(c);
        }
    }

    /** Whether the connection is to HSQLDB (also asked by migration 6, which runs before any bean). */
    static boolean isHsqldb(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("hsql");
    }

    /** Whether {@code INSERT ... ON CONFLICT DO NOTHING} is there (PostgreSQL, H2); HSQLDB has {@code MERGE}. */
    public boolean hasOnConflict() {
        return !hsqldb;
    }

    /** A condition and its parameters. */
    public record Condition(String sql, Object[] args) {}

    /**
     * "The row's ecosystem column is {@code ecosystem} and its package column one of {@code keys}", in the form each
     * database answers from the (ecosystem, package) index. HSQLDB uses only the index's first column for
     * {@code eco = ? AND pkg IN (...)} and filters every package of the ecosystem (1.3 s for 510,000 components,
     * against 1 ms): it is given the pairs as row values, which it looks up one by one. PostgreSQL and H2 get the
     * {@code IN} list, which PostgreSQL plans as one index scan (the row values would be an OR of 500 scans).
     */
    public Condition packageIn(String ecosystemColumn, String packageColumn, String ecosystem, List<String> keys) {
        if (hsqldb) {
            Object[] args = new Object[keys.size() * 2];
            for (int i = 0; i < keys.size(); i++) {
                args[2 * i] = ecosystem;
                args[2 * i + 1] = keys.get(i);
            }
            String pairs = String.join(", ", java.util.Collections.nCopies(keys.size(), "(?, ?)"));
            return new Condition("(" + ecosystemColumn + ", " + packageColumn + ") IN (" + pairs + ")", args);
        }
        Object[] args = new Object[keys.size() + 1];
        args[0] = ecosystem;
        for (int i = 0; i < keys.size(); i++) args[i + 1] = keys.get(i);
        return new Condition(ecosystemColumn + " = ? AND " + packageColumn + " IN (" + Sql.placeholders(keys.size()) + ")", args);
    }
}
