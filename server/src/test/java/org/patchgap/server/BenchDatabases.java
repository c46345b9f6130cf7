package org.patchgap.server;

/** Databases for the benchmarks (they live apart from the tests' helpers only by visibility). */
public final class BenchDatabases {

    private BenchDatabases() {}

    public static String postgres(String name) {
        return PostgresDatabase.create("patchgap_bench_" + name);
    }
}
