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
 * <pre>server/bench.sh [hsqldb|h2|postgres] [uploads] [fleet sizes...]
 * server/bench.sh load [hsqldb|h2|postgres] [clients] [seconds]</pre>
 */
public final class FleetBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load")) {
            loadBench(args.length > 1 ? args[1] : "hsqldb", args.length > 2 ? Integer.parseInt(args[2]) : 8,
                    args.length > 3 ? Integer.parseInt(args[3]) : 60);
            return;
        }
        String db = args.length > 0 ? args[0] : "hsqldb";
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
        String url = switch (db) {
            case "postgres" -> org.patchgap.server.BenchDatabases.postgres(name);
            case "h2" -> org.patchgap.server.BenchDatabases.h2(data);
            case "hsqldb" -> org.patchgap.server.BenchDatabases.embedded(data);
            default -> throw new IllegalArgumentException("database: hsqldb, h2 or postgres, not " + db);
        };
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

    /**
     * A bounded load: {@code threads} clients for {@code seconds}, each looping over a mix of 1 upload (a
     * 200-component SBOM to one of 500 targets, alternating versions so that findings open and resolve) and 4 reads
     * (a findings page, a target, the patch gap of a vulnerability, the target list); every answer must be 200.
     */
    static void loadBench(String db, int threads, int seconds) throws Exception {
        try (Server s = start(db, "load")) {
            for (int i = 0; i < 20; i++) {
                check(s.api().post("/api/v1/advisories?filename=a.json", Fixtures.osv("GHSA-bench-" + i, "CVE-2099-1" + i,
                        "vuln-" + i, "0", "2.0.0", "2024-01-01T00:00:00Z")));
            }
            byte[][] bodies = {sbom(200, 0), sbom(200, 10)};
            for (int t = 0; t < 500; t++) check(s.api().put("/api/v1/targets/load-" + t + "/inventory", bodies[0]));
            java.util.concurrent.ConcurrentLinkedQueue<long[]> samples = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int seed = w;
                Thread thread = new Thread(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    while (System.nanoTime() < end) {
                        int kind = random.nextInt(5);
                        int target = random.nextInt(500);
                        long t0 = System.nanoTime();
                        Api.Response r;
                        try {
                            r = switch (kind) {
                                case 0 -> s.api().put("/api/v1/targets/load-" + target + "/inventory", bodies[random.nextInt(2)]);
                                case 1 -> s.api().get("/api/v1/findings?size=50&page=" + random.nextInt(20));
                                case 2 -> s.api().get("/api/v1/targets/load-" + target);
                                case 3 -> s.api().get("/api/v1/patch-gap?vulnerability=CVE-2099-1" + random.nextInt(20));
                                default -> s.api().get("/api/v1/targets?page=" + random.nextInt(5));
                            };
                        } catch (AssertionError e) {
                            errors.incrementAndGet(); // the connection failed: counted, and the client goes on
                            continue;
                        }
                        if (r.status() != 200) errors.incrementAndGet();
                        samples.add(new long[] {kind, System.nanoTime() - t0});
                    }
                });
                thread.start();
                workers.add(thread);
            }
            for (Thread t : workers) t.join();
            long[] uploads = samples.stream().filter(x -> x[0] == 0).mapToLong(x -> x[1]).toArray();
            long[] reads = samples.stream().filter(x -> x[0] != 0).mapToLong(x -> x[1]).toArray();
            System.out.printf(Locale.ROOT, "  load: %d clients for %d s: %d requests (%.0f/s), %d errors%n", threads, seconds,
                    samples.size(), samples.size() / (double) seconds, errors.get());
            report("uploads under load (200 components)", uploads);
            report("reads under load", reads);
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
