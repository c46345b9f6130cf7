package org.patchgap.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.patchgap.server.Api;
import org.patchgap.server.Fixtures;
import org.patchgap.server.Fixtures.Pkg;
import org.patchgap.server.PatchgapServer;
import org.patchgap.server.auth.ApiKeys;
import org.patchgap.server.auth.Role;
import org.patchgap.server.auth.Teams;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fleet server's benchmarks (docs/benchmarks.md), over HTTP on loopback against a real server in this JVM:
 *
 * <ol>
 *   <li>{@code upload}: a 1,000-component CycloneDX SBOM (20 of its packages with advisories) uploaded as a new
 *       target, and re-uploaded with 5 packages changed, N times each: p50 / p99 / max of the request;</li>
 *   <li>{@code rematch}: fleets of 1,000 and 10,000 targets (50 components each; one package held by exactly 10 of
 *       them), then an advisory for that package imported: the request's time, which includes the re-match;</li>
 *   <li>the fleet's heap after a full GC and the database's size.</li>
 * </ol>
 *
 * <pre>server/bench.sh [h2|postgres] [uploads] [fleet sizes...]</pre>
 */
public final class FleetBench {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int uploads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int[] fleets = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1000, 10000};
        System.out.printf(Locale.ROOT, "database %s, java %s, %d cores%n", db, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        uploadBench(db, uploads);
        for (int size : fleets) rematchBench(db, size);
    }

    record Server(ConfigurableApplicationContext context, Api api, Path data, String url) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    static Server start(String db, String name) throws Exception {
        Path data = Files.createTempDirectory("patchgap-bench-" + name);
        String url = db.equals("postgres")
                ? org.patchgap.server.BenchDatabases.postgres(name)
                : "jdbc:h2:file:" + data.resolve("fleet") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        SpringApplication app = new SpringApplication(PatchgapServer.class);
        app.setDefaultProperties(java.util.Map.of("server.port", 0, "server.address", "127.0.0.1",
                "spring.datasource.url", url, "spring.datasource.username", db.equals("postgres") ? "postgres" : "sa",
                "patchgap.datadir", data.toString(), "logging.level.root", "WARN"));
        ConfigurableApplicationContext context = app.run();
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        Teams teams = context.getBean(Teams.class);
        String key = context.getBean(ApiKeys.class).create(teams.ensure("bench", java.time.Instant.now()).id(), "bench",
                Role.ADMIN, java.time.Instant.now()).secret();
        return new Server(context, new Api("http://127.0.0.1:" + port, key), data, url);
    }

    static void uploadBench(String db, int uploads) throws Exception {
        try (Server s = start(db, "upload")) {
            for (int i = 0; i < 20; i++) {
                check(s.api().post("/api/v1/advisories?filename=a.json", Fixtures.osv("GHSA-bench-" + i, "CVE-2099-1" + i,
                        "vuln-" + i, "0", "2.0.0", "2024-01-01T00:00:00Z")));
            }
            byte[] first = sbom(1000, 0);
            byte[] changed = sbom(1000, 5);
            for (int w = 0; w < 30; w++) check(s.api().put("/api/v1/targets/warm-" + w + "/inventory", first));
            long[] fresh = new long[uploads];
            long[] replace = new long[uploads];
            for (int i = 0; i < uploads; i++) {
                long t0 = System.nanoTime();
                check(s.api().put("/api/v1/targets/app-" + i + "/inventory", first));
                fresh[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                check(s.api().put("/api/v1/targets/app-" + i + "/inventory", changed));
                replace[i] = System.nanoTime() - t0;
            }
            report("upload of a new 1,000-component SBOM (20 findings)", fresh);
            report("re-upload with 5 packages changed", replace);
        }
    }

    static void rematchBench(String db, int fleet) throws Exception {
        try (Server s = start(db, "rematch" + fleet)) {
            check(s.api().post("/api/v1/advisories?filename=a.json", Fixtures.osv("GHSA-bench-base", "CVE-2099-2000",
                    "vuln-0", "0", "2.0.0", "2024-01-01T00:00:00Z")));
            long t0 = System.nanoTime();
            for (int i = 0; i < fleet; i++) {
                List<Pkg> pkgs = new ArrayList<>();
                for (int c = 0; c < 50; c++) pkgs.add(new Pkg("lib-" + ((i * 7 + c * 13) % 5000), "1.0." + c));
                if (i % (fleet / 10) == 0) pkgs.add(new Pkg("hot-package", "1.0.0"));
                pkgs.add(new Pkg("vuln-0", "1.0.0"));
                check(s.api().put("/api/v1/targets/host-" + i + "/inventory", Fixtures.sbom("host-" + i, pkgs.toArray(Pkg[]::new))));
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long[] times = new long[20];
            for (int round = 0; round < times.length; round++) {
                long r0 = System.nanoTime();
                Api.Response r = s.api().post("/api/v1/advisories?filename=hot.json", Fixtures.osv("GHSA-hot", "CVE-2099-3000",
                        "hot-package", "0", round % 2 == 0 ? "2.0.0" : "1.0.0", "2024-02-01T00:00:00Z"));
                times[round] = System.nanoTime() - r0;
                check(r);
            }
            report("advisory update naming one package (10 targets hold it), fleet of " + fleet, times);
            System.gc();
            Thread.sleep(500);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            long dbBytes = db.equals("postgres")
                    ? s.context().getBean(JdbcTemplate.class).queryForObject("SELECT pg_database_size(current_database())", Long.class)
                    : size(s.data());
            System.out.printf(Locale.ROOT, "  fleet of %d targets (%d components): loaded in %.1f s (%.1f ms per upload), "
                    + "heap after GC %.0f MiB, database %.1f MiB%n", fleet, fleet * 51, loadSeconds, loadSeconds * 1000 / fleet,
                    heap / 1048576.0, dbBytes / 1048576.0);
        }
    }

    static byte[] sbom(int size, int changed) {
        Pkg[] pkgs = new Pkg[size];
        for (int i = 0; i < size; i++) {
            if (i < 20) pkgs[i] = new Pkg("vuln-" + i, i < changed ? "2.0.0" : "1.0.0");
            else pkgs[i] = new Pkg("dep-" + i, "1." + (i % 17) + ".0");
        }
        return Fixtures.sbom("bench", pkgs);
    }

    static void check(Api.Response r) {
        if (r.status() != 200) throw new IllegalStateException(r.toString());
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s: n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length,
                rank(sorted, 0.50) / 1e6, rank(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    static long rank(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
