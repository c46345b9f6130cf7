package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code patchgap db import} at a random moment (issue 15), N trials on one database: afterwards
 * {@code db status} answers, every earlier source is there with all its records, and the killed import's source is
 * either absent or whole, never part-written; the next import runs. {@code -Dpatchgap.dbKillTrials=N} runs more
 * (docs/benchmarks.md records a longer run).
 */
class DbKillNineIT {

    static final int TRIALS = Integer.getInteger("patchgap.dbKillTrials", 5);
    static final int RECORDS = 3000;
    private static final Pattern SOURCE = Pattern.compile("^(import:\\S+)\\s+([0-9,]+)\\s", Pattern.MULTILINE);

    @TempDir
    Path dir;

    /** {@value #RECORDS} small OSV records in a directory of their own. */
    private Path records(String name) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < RECORDS; i++) {
            String id = "GHSA-" + name + "-" + i;
            Files.writeString(out.resolve(id + ".json"), """
                    {"schema_version": "1.6.0", "id": "%s", "modified": "2024-01-01T00:00:00Z",
                     "summary": "record %d of %s", "aliases": ["CVE-2099-%d"],
                     "affected": [{"package": {"ecosystem": "npm", "name": "pkg-%d"},
                       "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.%d.0"}]}]}]}
                    """.formatted(id, i, name, 10000 + i, i % 500, i), StandardCharsets.UTF_8);
        }
        return out;
    }

    private Map<String, Integer> sources(Path db) throws Exception {
        CliProcess.Run status = CliProcess.run(dir, Map.of(), "", "db", "status", "--db", db.toString());
        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        Map<String, Integer> sources = new HashMap<>();
        Matcher m = SOURCE.matcher(status.out());
        while (m.find()) sources.put(m.group(1), Integer.parseInt(m.group(2).replace(",", "")));
        return sources;
    }

    @Test
    void aKilledImportLeavesTheDatabaseWholeEitherSide() throws Exception {
        Path db = dir.resolve("db");
        Path first = records("base");
        long started = System.nanoTime();
        CliProcess.Run base = CliProcess.run(dir, Map.of(), "", "db", "import", "--db", db.toString(), first.toString());
        // Kill around the end of an import (its last 40% and a little after): where it writes and commits.
        long importMillis = Math.max(300, (System.nanoTime() - started) / 1_000_000);
        assertThat(base.exit()).as(base.err()).isZero();
        Map<String, Integer> expected = new HashMap<>(sources(db));
        assertThat(expected).containsValue(RECORDS);
        Random random = new Random(15);
        int completed = 0;
        int halfWritten = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path next = records("t" + trial);
            Process importing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", CliProcess.JAR.toString(), "db", "import",
                    "--db", db.toString(), next.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(importMillis * 6 / 10 + random.nextInt((int) (importMillis * 7 / 10)));
            importing.destroyForcibly();
            assertThat(importing.waitFor(30, TimeUnit.SECONDS)).isTrue();

            boolean leftover;
            try (var files = Files.list(db)) {
                leftover = files.anyMatch(f -> f.getFileName().toString().contains(".tmp-"));
            }
            if (leftover) halfWritten++;
            Map<String, Integer> after = sources(db);
            String key = "import:" + next;
            Integer killed = after.remove(key);
            assertThat(after).as("trial " + trial + ": the earlier sources, whole").isEqualTo(expected);
            if (killed != null) {
                assertThat(killed).as("trial " + trial + ": the killed import is whole or absent").isEqualTo(RECORDS);
                expected.put(key, killed);
                completed++;
            }
            System.out.println("DbKillNineIT trial " + trial + ": import " + (killed != null ? "had committed"
                    : leftover ? "killed while writing (its half-written file left aside)" : "killed before writing"));
        }
        // The lock died with the last process: one more import runs.
        CliProcess.Run again = CliProcess.run(dir, Map.of(), "", "db", "import", "--db", db.toString(), first.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        System.out.println("DbKillNineIT: " + TRIALS + " trials, " + completed + " imports had committed before the kill, "
                + halfWritten + " were killed while writing their file");
    }

    private static final Pattern OSV_NPM = Pattern.compile("^osv:npm\\s+([0-9,]+)\\s", Pattern.MULTILINE);

    /** {@code count} OSV records of npm as OSV's bucket serves them: one zip, {@code all.zip}. */
    private static byte[] dump(int count, int version) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                String id = "GHSA-npm-" + i;
                zip.putNextEntry(new java.util.zip.ZipEntry(id + ".json"));
                zip.write("""
                        {"schema_version": "1.6.0", "id": "%s", "modified": "2024-01-%02dT00:00:00Z",
                         "summary": "record %d", "aliases": ["CVE-2099-%d"],
                         "affected": [{"package": {"ecosystem": "npm", "name": "pkg-%d"},
                           "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.%d.0"}]}]}]}
                        """.formatted(id, 1 + version % 28, i, 20000 + i, i % 500, i).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Integer npmRecords(Path db) throws Exception {
        CliProcess.Run status = CliProcess.run(dir, Map.of(), "", "db", "status", "--db", db.toString());
        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        Matcher m = OSV_NPM.matcher(status.out());
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : null;
    }

    /**
     * kill -9 of {@code patchgap db update --source osv:npm} against a local OSV bucket whose dump grows by one
     * record every trial: afterwards the source holds the previous dump or the new one, whole, never a mix.
     */
    @Test
    void aKilledUpdateLeavesTheDatabaseWholeEitherSide() throws Exception {
        java.util.concurrent.atomic.AtomicReference<byte[]> served = new java.util.concurrent.atomic.AtomicReference<>(
                dump(RECORDS, 0));
        com.sun.net.httpserver.HttpServer bucket = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        bucket.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/npm/all.zip") ? served.get() : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) exchange.getResponseBody().write(body);
            exchange.close();
        });
        bucket.start();
        try {
            Map<String, String> env = Map.of("PATCHGAP_OSV_URL", "http://127.0.0.1:" + bucket.getAddress().getPort() + "/");
            Path db = dir.resolve("db-update");
            long started = System.nanoTime();
            CliProcess.Run first = CliProcess.run(dir, env, "", "db", "update", "--db", db.toString(), "--source", "osv:npm");
            long updateMillis = Math.max(300, (System.nanoTime() - started) / 1_000_000);
            assertThat(first.exit()).as(first.out() + first.err()).isZero();
            int expected = npmRecords(db);
            assertThat(expected).isEqualTo(RECORDS);
            Random random = new Random(16);
            int completed = 0;
            for (int trial = 1; trial <= TRIALS; trial++) {
                served.set(dump(RECORDS + trial, trial));
                List<String> command = new java.util.ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-jar", CliProcess.JAR.toString(), "db", "update", "--db", db.toString(),
                        "--source", "osv:npm"));
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().putAll(env);
                Process updating = builder.start();
                Thread.sleep(updateMillis * 6 / 10 + random.nextInt((int) (updateMillis * 7 / 10)));
                updating.destroyForcibly();
                assertThat(updating.waitFor(30, TimeUnit.SECONDS)).isTrue();
                Integer after = npmRecords(db);
                assertThat(after).as("trial " + trial + ": the previous dump or the new one, whole")
                        .isIn(expected, RECORDS + trial);
                if (after == RECORDS + trial) completed++;
                System.out.println("DbKillNineIT update trial " + trial + ": " + (after == expected ? "previous data kept"
                        : "the update had committed"));
                expected = after;
            }
            CliProcess.Run again = CliProcess.run(dir, env, "", "db", "update", "--db", db.toString(), "--source", "osv:npm");
            assertThat(again.exit()).as(again.out() + again.err()).isZero();
            assertThat(npmRecords(db)).isEqualTo(RECORDS + TRIALS);
            System.out.println("DbKillNineIT: " + TRIALS + " update trials, " + completed + " had committed before the kill");
        } finally {
            bucket.stop(0);
        }
    }
}
