package org.patchgap.server;

/** Databases for the benchmarks (they live apart from the tests' helpers only by visibility). */
public final class BenchDatabases {

    private BenchDatabases() {}

    public static String postgres(String name) {
        return PostgresDatabase.create("patchgap_bench_" + name);
    }

    /** The server's embedded default (HSQLDB) in a data directory. */
    public static String embedded(java.nio.file.Path data) {
        return EmbeddedDatabase.url(data);
    }

    /** The embedded database of versions before ADR 0016. */
    public static String h2(java.nio.file.Path data) {
        return EmbeddedDatabase.h2Url(data);
    }
}
