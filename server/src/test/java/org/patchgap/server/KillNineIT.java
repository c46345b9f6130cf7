package org.patchgap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.server.Fixtures.Pkg;

/**
 * kill -9 during uploads, then a restart: every target's stored inventory is whole (the components of one of its
 * uploads, the one its upload log names last), and its findings agree with it (the same inventory uploaded again
 * changes nothing). {@code -Dpatchgap.killTrials=N} runs more trials (docs/benchmarks.md records a longer run).
 *
 * <p>Against the embedded default, HSQLDB (ADR 0016); {@code -Dpatchgap.killDatabase=postgres} runs the same trials on
 * PostgreSQL, the production database. {@code -Dpatchgap.killDatabase=h2} runs them on H2, the embedded database
 * before, which is not crash-safe under SIGKILL (half-written inventories, commits left unfinished whose row locks
 * spin forever: docs/benchmarks.md, "kill -9"), to follow that upstream problem.
 */
class KillNineIT {

    static final int TRIALS = Integer.getInteger("patchgap.killTrials", 2);
    static final String DATABASE = System.getProperty("patchgap.killDatabase", "embedded");
    static final int[] SIZES = {150, 400};

    @Test
    void killedDuringUploadsLosesNothingAndHalfWritesNothing(@TempDir Path data) throws Exception {
        String pgUrl = !DATABASE.equals("postgres") ? null : PostgresDatabase.create("killnine");
        try {
            run(data, serverArgs(data, pgUrl));
        } finally {
            if (pgUrl != null) PostgresDatabase.drop(pgUrl);
        }
    }

    private void run(Path data, String[] serverArgs) throws Exception {
        String key;
        String pkg = "crash-pkg";
        try (ServerProcess server = ServerProcess.start(serverArgs)) {
            server.awaitReady(Duration.ofSeconds(90));
            key = server.key;
            Api.Response r = server.api(key).post("/api/v1/advisories?filename=c.json",
                    Fixtures.osv("GHSA-crash", "CVE-2099-8008", pkg, "0", "2.0.0", "2020-01-01T00:00:00Z"));
            assertThat(r.status()).isEqualTo(200);
        }
        Random random = new Random(9);
        int uploadsBeforeKill = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            ServerProcess server = ServerProcess.start(serverArgs);
            server.awaitReady(Duration.ofSeconds(90));
            Api api = server.api(key);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger done = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                Thread t = new Thread(() -> {
                    int i = 0;
                    while (!stop.get()) {
                        try {
                            int size = SIZES[(i++ + writer) % 2];
                            api.put("/api/v1/targets/crash-" + writer + "/inventory?filename=bom.json", inventory(pkg, size));
                            done.incrementAndGet();
                        } catch (AssertionError e) {
                            return; // the server is gone
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            Thread.sleep(1500 + random.nextInt(2500));
            server.kill();
            stop.set(true);
            for (Thread t : writers) t.join(30_000);
            uploadsBeforeKill += done.get();

            try (ServerProcess after = ServerProcess.start(serverArgs)) {
                after.awaitReady(Duration.ofSeconds(90));
                System.out.println("KillNineIT " + DATABASE + " trial " + trial + ": " + done.get() + " uploads before the kill");
                Api check = after.api(key);
                for (int w = 0; w < 3; w++) {
                    JsonNode target = check.get("/api/v1/targets/crash-" + w).json();
                    if (target.has("error")) continue; // killed before its first upload committed
                    int components = target.get("components").asInt();
                    assertThat(components).as("trial " + trial + " target " + w + "; server output:\n"
                            + String.join("\n", after.output)).isIn(SIZES[0], SIZES[1]);
                    assertThat(target.at("/uploads/0/components").asInt()).isEqualTo(components);
                    Api.Response again = check.put("/api/v1/targets/crash-" + w + "/inventory?filename=bom.json",
                            inventory(pkg, components));
                    assertThat(again.json().at("/findings/opened").asInt()).isZero();
                    assertThat(again.json().at("/findings/resolved").asInt()).isZero();
                    assertThat(again.json().at("/findings/open").asInt()).isEqualTo(1);
                }
            }
        }
        assertThat(uploadsBeforeKill).as("uploads happened before the kills").isPositive();
    }

    static final int REMATCH_TARGETS = 120;

    /** The server's command line for {@link #DATABASE}: the embedded default, PostgreSQL at pgUrl, or H2. */
    private static String[] serverArgs(Path data, String pgUrl) {
        return switch (DATABASE) {
            case "embedded" -> new String[] {"--data", data.toString(), "--port", "0"};
            case "postgres" -> new String[] {"--data", data.toString(), "--port", "0", "--db-url", pgUrl, "--db-user",
                    PostgresDatabase.USER};
            case "h2" -> new String[] {"--data", data.toString(), "--port", "0", "--db-url", "jdbc:h2:file:" + data.resolve("fleet")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"};
            default -> throw new IllegalArgumentException("patchgap.killDatabase: embedded, postgres or h2, not " + DATABASE);
        };
    }

    /**
     * kill -9 while advisory imports re-match the fleet: an advisory that alternately names and withdraws a package
     * that {@value #REMATCH_TARGETS} targets have, each import re-matching all of them in one transaction. After the
     * restart the targets' findings are all open or all resolved, never some of each, and importing the advisory
     * as it stands changes nothing.
     */
    @Test
    void killedDuringRematchesLeavesTheFleetAllOrNothing(@TempDir Path data) throws Exception {
        String pgUrl = !DATABASE.equals("postgres") ? null : PostgresDatabase.create("killnine_rematch");
        try {
            rematchTrials(serverArgs(data, pgUrl));
        } finally {
            if (pgUrl != null) PostgresDatabase.drop(pgUrl);
        }
    }

    private void rematchTrials(String[] serverArgs) throws Exception {
        String pkg = "rematch-pkg";
        byte[] named = Fixtures.osv("GHSA-rematch", "CVE-2099-8009", pkg, "0", "2.0.0", "2020-01-01T00:00:00Z");
        byte[] withdrawn = Fixtures.osv("GHSA-rematch", "CVE-2099-8009", pkg, "0", "2.0.0", "2020-01-01T00:00:00Z",
                "2020-02-01T00:00:00Z", "HIGH");
        String key;
        try (ServerProcess server = ServerProcess.start(serverArgs)) {
            server.awaitReady(Duration.ofSeconds(90));
            key = server.key;
            Api api = server.api(key);
            for (int t = 0; t < REMATCH_TARGETS; t++) {
                assertThat(api.put("/api/v1/targets/fleet-" + t + "/inventory?filename=bom.json",
                        Fixtures.sbom("fleet-" + t, new Pkg(pkg, "1.0.0"), new Pkg("other-" + t, "1.0.0"))).status()).isEqualTo(200);
            }
            // Stored from the start, so that no findings always means "stored withdrawn".
            assertThat(api.post("/api/v1/advisories?filename=r.json", withdrawn).status()).isEqualTo(200);
        }
        Random random = new Random(11);
        int importsBeforeKill = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            ServerProcess server = ServerProcess.start(serverArgs);
            server.awaitReady(Duration.ofSeconds(90));
            Api api = server.api(key);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger done = new AtomicInteger();
            Thread importer = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    try {
                        api.post("/api/v1/advisories?filename=r.json", i++ % 2 == 0 ? named : withdrawn);
                        done.incrementAndGet();
                    } catch (AssertionError e) {
                        return; // the server is gone
                    }
                }
            });
            importer.start();
            Thread.sleep(1500 + random.nextInt(2500));
            server.kill();
            stop.set(true);
            importer.join(30_000);
            importsBeforeKill += done.get();
            try (ServerProcess after = ServerProcess.start(serverArgs)) {
                after.awaitReady(Duration.ofSeconds(90));
                Api check = after.api(key);
                int open = check.get("/api/v1/findings?vulnerability=CVE-2099-8009&size=1").json().get("total").asInt();
                System.out.println("KillNineIT " + DATABASE + " re-match trial " + trial + ": " + done.get()
                        + " imports before the kill; " + open + " targets open after");
                assertThat(open).as("trial " + trial + "; server output:\n" + String.join("\n", after.output))
                        .isIn(0, REMATCH_TARGETS);
                Api.Response again = check.post("/api/v1/advisories?filename=r.json", open == 0 ? withdrawn : named);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().get("changed").asInt()).as("the stored advisory is the one the findings say").isZero();
            }
        }
        assertThat(importsBeforeKill).as("imports happened before the kills").isPositive();
    }

    /** An SBOM of {@code size} components, the first of them vulnerable. */
    static byte[] inventory(String vulnerable, int size) {
        Pkg[] packages = new Pkg[size];
        packages[0] = new Pkg(vulnerable, "1.0.0");
        for (int i = 1; i < size; i++) packages[i] = new Pkg("dep-" + i, "1." + i + ".0");
        return Fixtures.sbom("crash", packages);
    }
}
