package org.patchgap.server;

import java.nio.file.Path;
import java.util.UUID;

/** The embedded databases the in-process server tests run on, each new and empty. */
public final class TestDatabases {

    private TestDatabases() {}

    /** The server's embedded default (ADR 0016) as it runs in a data directory: an HSQLDB file database. */
    public static String embeddedFile(String name) {
        return EmbeddedDatabase.url(Path.of("target", "databases", name + "-" + UUID.randomUUID()).toAbsolutePath());
    }

    /** HSQLDB in memory with the embedded default's SQL settings: for tests about something else than storage. */
    public static String embeddedMemory(String name) {
        return "jdbc:hsqldb:mem:" + name + "-" + UUID.randomUUID() + EmbeddedDatabase.SQL_SETTINGS;
    }

    /** H2 in memory, as versions before ADR 0016 used it (still accepted with --db-url). */
    public static String h2Memory(String name) {
        return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
