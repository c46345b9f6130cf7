package org.patchgap.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded database the server uses when no {@code --db-url} is given: an HSQLDB file database under the data
 * directory (ADR 0016). HSQLDB because it survived every kill -9 trial during uploads and re-matches, where the H2
 * file database we used before was left unreadable in some (docs/security.md).
 *
 * <p>The settings make it behave as the migrations and queries expect: PostgreSQL syntax, a log synced on every
 * commit (the default delays writes by half a second, which a kill -9 would lose), MVCC transactions as
 * PostgreSQL's, and cached (disk) tables. A data directory an earlier version filled with H2 ({@code fleet.mv.db}) is
 * copied over once by {@link H2ToHsqldb}.
 */
final class EmbeddedDatabase {

    static final String USER = "SA";
    /** The HSQLDB files ({@code fleet.script}, {@code fleet.log}, ...) live in this directory of the data directory. */
    static final String DIRECTORY = "database";
    /** The H2 file of data directories from before ADR 0016. */
    static final String H2_FILE = "fleet.mv.db";
    /** What the SQL relies on, on disk or in memory: PostgreSQL syntax, MVCC transactions. */
    static final String SQL_SETTINGS = ";sql.syntax_pgs=true;hsqldb.tx=mvcc";

    private EmbeddedDatabase() {}

    static String url(Path dataDir) {
        return hsqldbUrl(dataDir.resolve(DIRECTORY));
    }

    /** The URL of an HSQLDB database whose files are in {@code dir}. */
    static String hsqldbUrl(Path dir) {
        return "jdbc:hsqldb:file:" + dir.resolve("fleet") + SQL_SETTINGS + ";hsqldb.write_delay=false"
                // Tables on disk with a cache, not wholly in memory (HSQLDB's default), as fleet history grows.
                + ";hsqldb.default_table_type=cached";
    }

    /** The URL of the H2 database of data directories from before ADR 0016. */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("fleet") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** Whether the data directory still holds only the H2 database of an earlier version. */
    static boolean holdsOnlyH2(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(H2_FILE)) && !exists(dataDir);
    }

    private static boolean exists(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(DIRECTORY).resolve("fleet.properties"))
                || Files.isRegularFile(dataDir.resolve(DIRECTORY).resolve("fleet.script"));
    }
}
