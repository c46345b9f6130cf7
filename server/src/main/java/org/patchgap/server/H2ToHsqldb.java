package org.patchgap.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * Moves the H2 database of a data directory from before ADR 0016 into the embedded HSQLDB database, once, at the
 * first start of a version that uses HSQLDB.
 *
 * <p>Both databases are first migrated to the same schema version by the same migrations, then every table is
 * copied row by row with its ids (so links, API keys and the disclosure audit chain stay as they were) and the
 * identity counters are set past the copied ids. The copy is written to a directory beside the final one and renamed
 * into place only when complete and shut down cleanly: a crash or a failure leaves the H2 database in use and the
 * next start tries again. The H2 file is kept, renamed {@code fleet.mv.db.moved-to-hsqldb}, as a backup.
 */
final class H2ToHsqldb {

    private static final int BATCH = 1_000;
    private static final int COMMIT_EVERY = 50_000;

    private final Path dataDir;
    private final PrintStream log;

    H2ToHsqldb(Path dataDir, PrintStream log) {
        this.dataDir = dataDir;
        this.log = log;
    }

    /** What was copied: rows per table. */
    record Result(Map<String, Long> rows) {
        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    Result run() throws SQLException {
        Path partial = dataDir.resolve(EmbeddedDatabase.DIRECTORY + ".partial");
        deleteTree(partial);
        String h2 = EmbeddedDatabase.h2Url(dataDir) + ";IFEXISTS=TRUE";
        String hsql = EmbeddedDatabase.hsqldbUrl(partial);
        // Before Spring configures logging, Flyway would tell every step; the server's own lines say what matters.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb")).setLevel(ch.qos.logback.classic.Level.ERROR);
        migrate(h2, "");
        migrate(hsql, EmbeddedDatabase.USER);
        Result result;
        try (Connection from = DriverManager.getConnection(h2, "", "");
                Connection to = DriverManager.getConnection(hsql, EmbeddedDatabase.USER, "")) {
            from.setReadOnly(true);
            from.setAutoCommit(false);
            to.setAutoCommit(false);
            result = copy(from, to);
            try (Statement s = to.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        try {
            Files.move(partial, dataDir.resolve(EmbeddedDatabase.DIRECTORY), StandardCopyOption.ATOMIC_MOVE);
            Files.move(dataDir.resolve(EmbeddedDatabase.H2_FILE), dataDir.resolve(EmbeddedDatabase.H2_FILE + ".moved-to-hsqldb"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the copied database into place in " + dataDir, e);
        }
        return result;
    }

    private static void migrate(String url, String user) {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .javaMigrations(new IdentitiesStartAtOne()).load().migrate();
    }

    private Result copy(Connection from, Connection to) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement s = to.createStatement()) {
            // The rows of one table point to rows of others; tables are copied one by one, so the links are checked
            // by the source database having held them, not row by row here.
            s.execute("SET DATABASE REFERENTIAL INTEGRITY FALSE");
        }
        for (Map.Entry<String, List<String>> table : tables(to).entrySet()) {
            String name = table.getKey().toLowerCase(java.util.Locale.ROOT);
            long n = copyTable(table.getKey(), table.getValue(), from, to);
            rows.put(name, n);
            log.printf("  %-28s %,d rows%n", name, n);
        }
        // Rows came with their ids: new ones must go on after them.
        IdentitiesStartAtOne.restartPastLargest(to);
        try (Statement s = to.createStatement()) {
            s.execute("SET DATABASE REFERENTIAL INTEGRITY TRUE");
        }
        to.commit();
        return new Result(rows);
    }

    /** The tables the migrations made in HSQLDB and their columns (the target decides what is copied), without Flyway's own. */
    private static Map<String, List<String>> tables(Connection to) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = to.prepareStatement("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'PUBLIC' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (table.equalsIgnoreCase("flyway_schema_history")) continue;
                tables.computeIfAbsent(table, t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    private static long copyTable(String table, List<String> columns, Connection from, Connection to) throws SQLException {
        String names = String.join(", ", columns);
        long n = 0;
        try (Statement read = from.createStatement();
                PreparedStatement write = to.prepareStatement(
                        "INSERT INTO " + table + " (" + names + ") VALUES (" + Sql.placeholders(columns.size()) + ")")) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + table)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) write.setObject(i, rs.getObject(i));
                    write.addBatch();
                    if (++n % BATCH == 0) write.executeBatch();
                    if (n % COMMIT_EVERY == 0) to.commit();
                }
            }
            // HSQLDB refuses an empty batch.
            if (n % BATCH != 0) write.executeBatch();
        }
        try (Statement count = from.createStatement(); ResultSet rs = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != n) {
                throw new SQLException("table " + table + " has " + rs.getLong(1) + " rows in H2 but " + n + " were copied");
            }
        }
        return n;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished copy " + dir, e);
        }
    }
}
