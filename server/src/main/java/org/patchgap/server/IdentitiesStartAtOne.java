package org.patchgap.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 6: on HSQLDB, every identity column counts from 1, as on PostgreSQL and H2 (HSQLDB counts from 0).
 *
 * <p>Not a matter of taste: id 0 means "none" in the server ({@code Caller}: a reporter is of team 0, a signed-in
 * user's key is 0), so a first team numbered 0 would be the reporter's. On PostgreSQL and H2 this migration does
 * nothing. Spring's Flyway runs it as a bean; {@link H2ToHsqldb} passes it to its own Flyway.
 */
@Component
public final class IdentitiesStartAtOne implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "identities start at 1";
    }

    @Override
    public Integer getChecksum() {
        return 6;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!SqlDialect.isHsqldb(c)) return;
        for (String[] identity : identities(c)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + identity[0] + " WHERE " + identity[1] + " = 0")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new FlywayException("table " + identity[0].toLowerCase(Locale.ROOT) + " has a row with id 0: this "
                            + "HSQLDB database was made by an earlier version (--db-url jdbc:hsqldb:, an experiment) whose ids "
                            + "started at 0, which the server reads as \"none\"; start on a new database (docs/server.md)");
                }
            }
        }
        restartPastLargest(c);
    }

    /**
     * Sets every identity column of an HSQLDB database to go on after its largest id (at 1 in an empty table): here,
     * and after {@link H2ToHsqldb} has copied rows with their ids.
     */
    static void restartPastLargest(Connection c) throws SQLException {
        for (String[] identity : identities(c)) {
            long next;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + identity[1] + "), 0) + 1 FROM " + identity[0])) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + identity[0] + " ALTER COLUMN " + identity[1] + " RESTART WITH " + next);
            }
        }
    }

    /** Table and column of every identity column of the HSQLDB database. */
    private static List<String[]> identities(Connection c) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'PUBLIC' AND is_identity = 'YES'""")) {
            while (rs.next()) identities.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        return identities;
    }
}
