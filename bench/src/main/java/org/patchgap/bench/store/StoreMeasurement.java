package org.patchgap.bench.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.osv.OsvReader;
import org.patchgap.store.AdvisoryDatabase;
import org.patchgap.store.BenchAccess;
import org.patchgap.store.DatabaseImporter;
import org.patchgap.store.ProgressListener;

/**
 * Chooses the advisory database's storage engine by measurement (docs/decisions/0004-advisory-database-engine.md).
 *
 * <p>The real PyPA corpus (OSV in YAML) is read once and scaled to {@code count} records: copies with new ids,
 * spread over eight ecosystems, written as one OSV {@code all.zip} (JSON) per ecosystem as OSV publishes them.
 * Then, for each candidate:
 * <ul>
 *   <li>import: our importer end to end on the zips, against a plain Jackson streaming parse of the same zips;</li>
 *   <li>size of the database on disk;</li>
 *   <li>open and load one ecosystem ({@code count / 8} records) in a fresh JVM, as a scan does, three times.</li>
 * </ul>
 * Candidates: our segment file (plain, and deflated segments), SQLite and H2 with one row per record whose blob
 * is the same record encoding, indexed by ecosystem.
 *
 * <pre>
 * ./mvnw -q -pl core,formats,store,bench -am install -DskipTests
 * java -Xmx1g -cp "$(cat bench/target/classpath.txt)" org.patchgap.bench.store.StoreMeasurement \
 *     ../shared/data/osv/pypa/vulns 100000 /tmp/pg-store-measure
 * </pre>
 */
public final class StoreMeasurement {

    private static final List<String> ECOSYSTEMS =
            List.of("PyPI", "npm", "Maven", "Go", "crates.io", "RubyGems", "Packagist", "NuGet");

    private StoreMeasurement() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load")) {
            load(args[1], Path.of(args[2]), args[3], args.length > 4 ? Path.of(args[4]) : null);
            return;
        }
        if (args.length > 0 && args[0].equals("cold")) {
            System.out.println(coldLoads(args[1], Path.of(args[2]), args.length > 3 ? Path.of(args[3]) : null));
            return;
        }
        if (args.length > 0 && args[0].equals("import-rounds")) {
            importRounds(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("recompress")) {
            BenchAccess.recompress(Path.of(args[1]), Path.of(args[2]), Boolean.parseBoolean(args[3]));
            return;
        }
        boolean ownOnly = args.length > 3 && args[3].equals("own-only");
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/data/osv/pypa/vulns");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path work = Path.of(args.length > 2 ? args[2] : "/tmp/pg-store-measure");
        deleteTree(work);
        Files.createDirectories(work);

        long t = System.nanoTime();
        List<Vulnerability> base = new OsvReader().read(corpus).items();
        System.out.printf("corpus: %,d records read in %,d ms%n", base.size(), ms(t));
        // A scan's packages: 200 of the corpus' package names (a large SBOM's share of one ecosystem).
        Path names = work.resolve("names.txt");
        Files.write(names, base.stream().flatMap(v -> v.affected().stream()).map(AffectedPackage::name).distinct()
                .limit(200).toList());

        List<Path> zips = new ArrayList<>();
        long jsonBytes = 0;
        for (int e = 0; e < ECOSYSTEMS.size(); e++) {
            Path zip = work.resolve("osv-" + ECOSYSTEMS.get(e) + "-all.zip");
            jsonBytes += writeZip(zip, base, ECOSYSTEMS.get(e), e, count / ECOSYSTEMS.size());
            zips.add(zip);
        }
        long zipBytes = 0;
        for (Path z : zips) zipBytes += Files.size(z);
        System.out.printf("synthetic: %,d records, %,d bytes of JSON in %,d bytes of zip%n", count, jsonBytes, zipBytes);

        // Warm-up: one zip through both paths, so that neither side pays the JIT alone.
        JsonFactory json = new JsonFactory();
        jacksonWalk(json, zips.get(0));
        new OsvReader().read(zips.get(0));

        // Baseline: Jackson streaming over every entry of every zip, nothing built.
        t = System.nanoTime();
        long tokens = 0;
        for (Path z : zips) tokens += jacksonWalk(json, z);
        long jacksonMs = ms(t);
        System.out.printf("jackson streaming parse: %,d ms (%,d tokens)%n", jacksonMs, tokens);

        // Reading alone (OsvReader into the core model), to separate reading from storing.
        t = System.nanoTime();
        for (Path z : zips) new OsvReader().read(z);
        long readMs = ms(t);
        System.out.printf("OsvReader read: %,d ms%n", readMs);

        Path own = work.resolve("own");
        t = System.nanoTime();
        new DatabaseImporter(own).importPaths(zips, ProgressListener.NONE);
        long ownImportMs = ms(t);
        long ownSize = Files.size(own.resolve("advisories.pgdb"));
        System.out.printf("own format: import %,d ms, %,d bytes%n", ownImportMs, ownSize);

        System.out.println("own format, cold open + load of 200 packages: "
                + coldLoads("own-packages", own, names));
        if (ownOnly) {
            System.out.println("own format, cold open + load of " + ECOSYSTEMS.get(0) + ": " + coldLoads("own", own, null));
            return;
        }
        Path deflated = work.resolve("own-deflated");
        long deflatedWriteMs = 0;
        Path sqlite = work.resolve("sqlite.db");
        Path h2 = work.resolve("h2");
        long sqliteWriteMs = 0;
        long h2WriteMs = 0;
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             Connection h = DriverManager.getConnection("jdbc:h2:" + h2 + ";DB_CLOSE_ON_EXIT=FALSE")) {
            createSchema(lite, "BLOB");
            createSchema(h, "VARBINARY(1000000)");
            List<Object> encoded = new ArrayList<>();
            long encodeMs = 0;
            for (Path z : zips) {
                List<Vulnerability> records = new OsvReader().read(z).items();
                String ecosystem = records.get(0).affected().get(0).ecosystem();
                long s = System.nanoTime();
                insert(lite, ecosystem, records);
                sqliteWriteMs += ms(s);
                s = System.nanoTime();
                insert(h, ecosystem, records);
                h2WriteMs += ms(s);
                s = System.nanoTime();
                encoded.add(BenchAccess.encodeSource("osv:" + ecosystem, records));
                encodeMs += ms(s);
            }
            long s = System.nanoTime();
            BenchAccess.commit(deflated, encoded, true);
            deflatedWriteMs = encodeMs + ms(s);
        }
        long sqliteSize = Files.size(sqlite);
        long h2Size;
        try (Stream<Path> files = Files.list(work)) {
            h2Size = files.filter(p -> p.getFileName().toString().startsWith("h2")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
        long deflatedSize = Files.size(deflated.resolve("advisories.pgdb"));

        System.out.println();
        System.out.println("| engine | import (ms) | vs Jackson parse | size | size per 100k | cold open + load "
                + ECOSYSTEMS.get(0) + " (ms, fresh JVM, 3 runs) |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        row("own segments", ownImportMs, jacksonMs, ownSize, count, coldLoads("own", own, null));
        row("own segments, deflated", readMs + deflatedWriteMs, jacksonMs, deflatedSize, count,
                coldLoads("own", deflated, null));
        row("SQLite " + "3.54.1.0", readMs + sqliteWriteMs, jacksonMs, sqliteSize, count, coldLoads("sqlite", sqlite, null));
        row("H2 2.5.252", readMs + h2WriteMs, jacksonMs, h2Size, count, coldLoads("h2", h2, null));
    }

    private static void row(String engine, long importMs, long jacksonMs, long size, int count, String loads) {
        System.out.printf("| %s | %,d | %.2f | %,d | %.1f MB | %s |%n", engine, importMs, (double) jacksonMs / importMs,
                size, size * 100_000.0 / count / (1024 * 1024), loads);
    }

    /** Runs {@code load} in three fresh JVMs; each prints its own open+load time. */
    private static String coldLoads(String engine, Path path, Path names) throws Exception {
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), StoreMeasurement.class.getName(), "load",
                    engine, path.toString(), ECOSYSTEMS.get(0)));
            if (names != null) command.add(names.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            times.add(out);
        }
        return String.join(" / ", times);
    }

    /** In a fresh JVM: open the database and load one ecosystem's records, print "ms (records)". */
    private static void load(String engine, Path path, String ecosystem, Path names) throws Exception {
        long t = System.nanoTime();
        int n;
        switch (engine) {
            case "own-packages" -> {
                List<String> packages = Files.readAllLines(names);
                try (AdvisoryDatabase db = AdvisoryDatabase.open(path)) {
                    n = db.vulnerabilitiesFor(java.util.Map.of(ecosystem, packages)).size();
                }
            }
            case "own" -> {
                try (AdvisoryDatabase db = AdvisoryDatabase.open(path)) {
                    n = db.vulnerabilities(Set.of(ecosystem)).size();
                }
            }
            case "none" -> n = 0;
            case "sqlite" -> n = select("jdbc:sqlite:" + path, ecosystem);
            case "h2" -> n = select("jdbc:h2:" + path + ";ACCESS_MODE_DATA=r", ecosystem);
            default -> throw new IllegalArgumentException(engine);
        }
        long wall = ms(t);
        // CPU time of the whole process so far (JVM start-up, class loading, JIT included): on a shared, loaded
        // machine the wall time says more about the neighbours than about the engine.
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.print(wall + " ms wall, " + cpu + " ms cpu (" + n + ")");
    }

    private static int select(String url, String ecosystem) throws SQLException {
        List<Vulnerability> records = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement q = c.prepareStatement("SELECT body FROM advisory WHERE ecosystem = ?")) {
            q.setString(1, ecosystem);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    records.add(BenchAccess.decode(rs.getBytes(1)));
                }
            }
        }
        return records.size();
    }

    private static void createSchema(Connection c, String blobType) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE advisory (source VARCHAR(200), ecosystem VARCHAR(100), id VARCHAR(200), body "
                    + blobType + ")");
            s.execute("CREATE INDEX advisory_ecosystem ON advisory (ecosystem)");
        }
    }

    private static void insert(Connection c, String ecosystem, List<Vulnerability> records) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO advisory (source, ecosystem, id, body) VALUES (?, ?, ?, ?)")) {
            for (Vulnerability v : records) {
                p.setString(1, "osv:" + ecosystem);
                p.setString(2, ecosystem);
                p.setString(3, v.id());
                p.setBytes(4, BenchAccess.encode(v));
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
    }

    /**
     * Import throughput alone, on the zips a full run left in {@code work}: after a warm-up of both on one zip,
     * {@code rounds} times a Jackson token walk of every zip and then our import of all of them into a fresh
     * directory, each with its wall time and the process's CPU time (every thread: parser, encoder, GC, JIT).
     */
    private static void importRounds(Path work, int rounds) throws Exception {
        List<Path> zips;
        try (Stream<Path> files = Files.list(work)) {
            zips = files.filter(p -> p.getFileName().toString().endsWith("-all.zip")).sorted().toList();
        }
        JsonFactory json = new JsonFactory();
        Path into = work.resolve("rounds-db");
        jacksonWalk(json, zips.get(0));
        deleteTree(into);
        new DatabaseImporter(into).importPaths(List.of(zips.get(0)), ProgressListener.NONE);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu = os.getProcessCpuTime();
            long t = System.nanoTime();
            for (Path z : zips) jacksonWalk(json, z);
            long jacksonMs = ms(t);
            long jacksonCpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
            deleteTree(into);
            cpu = os.getProcessCpuTime();
            t = System.nanoTime();
            new DatabaseImporter(into).importPaths(zips, ProgressListener.NONE);
            long importMs = ms(t);
            long importCpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
            System.out.printf("round %d: jackson %,d ms (cpu %,d ms), import %,d ms (cpu %,d ms), import/jackson"
                    + " speed %.2f, %,d bytes%n", round, jacksonMs, jacksonCpuMs, importMs, importCpuMs,
                    (double) jacksonMs / importMs, Files.size(into.resolve("advisories.pgdb")));
        }
    }

    private static long jacksonWalk(JsonFactory json, Path zip) throws IOException {
        long tokens = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                try (InputStream in = archive.getInputStream(entries.nextElement());
                     JsonParser parser = json.createParser(in)) {
                    while (parser.nextToken() != null) {
                        tokens++;
                    }
                }
            }
        }
        return tokens;
    }

    /** Writes {@code n} copies of the corpus' records, renamed into {@code ecosystem}, as OSV JSON in a zip. */
    private static long writeZip(Path zip, List<Vulnerability> base, String ecosystem, int e, int n) throws IOException {
        JsonFactory json = new JsonFactory();
        long bytes = 0;
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                Vulnerability v = base.get(i % base.size());
                String suffix = "-" + e + "-" + (i / base.size());
                buffer.reset();
                try (JsonGenerator g = json.createGenerator(buffer)) {
                    writeOsv(g, v, suffix, ecosystem);
                }
                out.putNextEntry(new ZipEntry(v.id() + suffix + ".json"));
                buffer.writeTo(out);
                out.closeEntry();
                bytes += buffer.size();
            }
        }
        return bytes;
    }

    private static void writeOsv(JsonGenerator g, Vulnerability v, String suffix, String ecosystem) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema_version", "1.6.0");
        g.writeStringField("id", v.id() + suffix);
        if (v.modified() != null) g.writeStringField("modified", v.modified().toString());
        if (v.published() != null) g.writeStringField("published", v.published().toString());
        if (v.withdrawn() != null) g.writeStringField("withdrawn", v.withdrawn().toString());
        g.writeArrayFieldStart("aliases");
        for (String a : v.aliases()) g.writeString(a + suffix);
        g.writeEndArray();
        if (v.summary() != null) g.writeStringField("summary", v.summary());
        g.writeArrayFieldStart("severity");
        for (Severity s : v.severities()) {
            if (s.vector() != null && s.type().startsWith("CVSS_")) {
                g.writeStartObject();
                g.writeStringField("type", s.type());
                g.writeStringField("score", s.vector());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("affected");
        for (AffectedPackage p : v.affected()) {
            g.writeStartObject();
            g.writeObjectFieldStart("package");
            g.writeStringField("ecosystem", ecosystem);
            g.writeStringField("name", p.name());
            g.writeEndObject();
            g.writeArrayFieldStart("ranges");
            for (AffectedRange r : p.ranges()) {
                g.writeStartObject();
                g.writeStringField("type", r.type().name());
                if (r.repo() != null) g.writeStringField("repo", r.repo());
                g.writeArrayFieldStart("events");
                for (RangeEvent ev : r.events()) {
                    g.writeStartObject();
                    g.writeStringField(switch (ev.kind()) {
                        case INTRODUCED -> "introduced";
                        case FIXED -> "fixed";
                        case LAST_AFFECTED -> "last_affected";
                        case LIMIT -> "limit";
                    }, ev.version());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("versions");
            for (String version : p.versions()) g.writeString(version);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("references");
        for (String url : v.references()) {
            g.writeStartObject();
            g.writeStringField("type", "WEB");
            g.writeStringField("url", url);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
