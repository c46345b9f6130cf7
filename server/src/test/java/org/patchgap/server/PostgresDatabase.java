package org.patchgap.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database per test class on the machine's server (127.0.0.1:5432, trust authentication; CI
 * starts it). Without a server the tests skip with a message, unless {@code PATCHGAP_REQUIRE_SERVICES=1} (CI), where
 * they fail.
 */
public final class PostgresDatabase {

    static final String SERVER = System.getenv().getOrDefault("PATCHGAP_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("PATCHGAP_TEST_PG_USER", "postgres");

    private PostgresDatabase() {}

    /** Creates a database and returns its JDBC URL. */
    public static String create(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(SERVER + "test", USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if ("1".equals(System.getenv("PATCHGAP_REQUIRE_SERVICES"))) {
                throw new IllegalStateException("PostgreSQL is required (PATCHGAP_REQUIRE_SERVICES=1) but not usable at "
                        + SERVER + ": " + e.getMessage(), e);
            }
            assumeTrue(false, "no PostgreSQL at " + SERVER + " (" + e.getMessage() + "); its tests are skipped");
        }
        return SERVER + name;
    }

    public static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(SERVER + "test", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // a leftover test database is harmless
        }
    }
}
