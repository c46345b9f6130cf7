package org.patchgap.server.advisories;

import static org.patchgap.server.Times.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.windows.WindowsMatcher;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.windows.WindowsAdvisories;
import org.patchgap.store.PackageKey;
import org.patchgap.store.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The server's advisories, in its SQL database beside the findings (so that an import and the re-match it causes
 * commit together): package records in the advisory database's own encoding, indexed by package key; Microsoft's
 * documents as published; KEV entries; EPSS scores.
 */
@Repository
public class AdvisoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryStore.class);
    private static final int CACHE_SIZE = 100_000;

    /** What an upsert of a record changed: the package keys before and after (empty when nothing changed). */
    public record RecordChange(boolean changed, Set<PackageKey> packages) {}

    private record Cached(String sha, Vulnerability record) {}

    private final JdbcTemplate jdbc;
    private final org.patchgap.server.SqlDialect dialect;
    /** Decoded records by row id: decoding is most of a lookup's cost, and records change rarely. */
    private final Map<Long, Cached> decoded = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
                    return size() > CACHE_SIZE;
                }
            });
    private volatile WindowsMatcher windowsMatcher;
    private volatile List<WindowsVulnerability> windowsAdvisories;

    public AdvisoryStore(JdbcTemplate jdbc, org.patchgap.server.SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Inserts or replaces a package record of a source; unchanged bytes change nothing. */
    public RecordChange upsert(String source, Vulnerability record, Instant at) {
        byte[] body = RecordCodec.encode(record);
        String sha = org.patchgap.server.Sql.sha256(body);
        List<Object[]> existing = jdbc.query("SELECT id, body_sha256 FROM advisory_record WHERE source = ? AND record_id = ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, source, record.id());
        Set<PackageKey> keys = new LinkedHashSet<>(RecordCodec.packageKeys(record));
        long pk;
        if (existing.isEmpty()) {
            pk = org.patchgap.server.Sql.insert(jdbc, "INSERT INTO advisory_record (source, record_id, body, body_sha256, "
                    + "published, withdrawn, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", source, record.id(),
                    body, sha, sql(record.published()), sql(record.withdrawn()), sql(at), sql(at));
        } else {
            pk = (Long) existing.get(0)[0];
            if (sha.equals(existing.get(0)[1])) return new RecordChange(false, Set.of());
            keys.addAll(packagesOf(pk));
            jdbc.update("UPDATE advisory_record SET body = ?, body_sha256 = ?, published = ?, withdrawn = ?, updated_at = ? "
                    + "WHERE id = ?", body, sha, sql(record.published()), sql(record.withdrawn()), sql(at), pk);
            jdbc.update("DELETE FROM advisory_package WHERE record_pk = ?", pk);
        }
        List<Object[]> rows = new ArrayList<>();
        for (PackageKey key : RecordCodec.packageKeys(record)) rows.add(new Object[] {pk, key.ecosystem(), key.key()});
        jdbc.batchUpdate("INSERT INTO advisory_package (record_pk, eco_key, pkg_key) VALUES (?, ?, ?)", rows);
        return new RecordChange(true, keys);
    }

    /** Removes a record; returns the package keys it was stored under (what must be re-matched). */
    public List<PackageKey> remove(String source, String recordId) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM advisory_record WHERE source = ? AND record_id = ?", Long.class,
                source, recordId);
        if (ids.isEmpty()) return List.of();
        List<PackageKey> keys = packagesOf(ids.get(0));
        jdbc.update("DELETE FROM advisory_package WHERE record_pk = ?", ids.get(0));
        jdbc.update("DELETE FROM advisory_record WHERE id = ?", ids.get(0));
        decoded.remove(ids.get(0));
        return keys;
    }

    private List<PackageKey> packagesOf(long pk) {
        return jdbc.query("SELECT eco_key, pkg_key FROM advisory_package WHERE record_pk = ?",
                (rs, i) -> new PackageKey(rs.getString(1), rs.getString(2)), pk);
    }

    /** Every record stored under any of the keys, decoded. */
    public List<Vulnerability> recordsFor(Collection<PackageKey> keys) {
        Map<String, List<String>> byEcosystem = new HashMap<>();
        for (PackageKey key : keys) byEcosystem.computeIfAbsent(key.ecosystem(), k -> new ArrayList<>()).add(key.key());
        Map<Long, String> ids = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byEcosystem.entrySet()) {
            for (List<String> chunk : org.patchgap.server.Sql.chunks(List.copyOf(new LinkedHashSet<>(e.getValue())))) {
                org.patchgap.server.SqlDialect.Condition in = dialect.packageIn("p.eco_key", "p.pkg_key", e.getKey(), chunk);
                jdbc.query("SELECT DISTINCT r.id, r.body_sha256 FROM advisory_record r JOIN advisory_package p ON p.record_pk = r.id "
                        + "WHERE " + in.sql(), rs -> { ids.put(rs.getLong(1), rs.getString(2)); }, in.args());
            }
        }
        List<Vulnerability> records = new ArrayList<>(ids.size());
        List<Long> missing = new ArrayList<>();
        for (Map.Entry<Long, String> e : ids.entrySet()) {
            Cached cached = decoded.get(e.getKey());
            if (cached != null && cached.sha().equals(e.getValue())) records.add(cached.record());
            else missing.add(e.getKey());
        }
        for (List<Long> chunk : org.patchgap.server.Sql.chunks(missing)) {
            jdbc.query("SELECT id, body_sha256, body FROM advisory_record WHERE id IN (" + org.patchgap.server.Sql.placeholders(chunk.size()) + ")",
                    rs -> {
                        Vulnerability v = RecordCodec.decode(rs.getBytes(3));
                        decoded.put(rs.getLong(1), new Cached(rs.getString(2), v));
                        records.add(v);
                    }, chunk.toArray());
        }
        return records;
    }

    /** Stores a Microsoft document under its name; false when the same bytes were stored before. */
    public boolean putWindowsDocument(String name, byte[] body, Instant at) {
        String sha = org.patchgap.server.Sql.sha256(body);
        List<String> existing = jdbc.queryForList("SELECT sha256 FROM windows_document WHERE name = ?", String.class, name);
        if (!existing.isEmpty() && existing.get(0).equals(sha)) return false;
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO windows_document (name, body, sha256, imported_at) VALUES (?, ?, ?, ?)", name, body,
                    sha, sql(at));
        } else {
            jdbc.update("UPDATE windows_document SET body = ?, sha256 = ?, imported_at = ? WHERE name = ?", body, sha,
                    sql(at), name);
        }
        forgetWindows();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            // What was read inside the transaction may be rolled back: read again after it ends, either way.
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            forgetWindows();
                        }
                    });
        }
        return true;
    }

    private void forgetWindows() {
        windowsMatcher = null;
        windowsAdvisories = null;
    }

    /** Every Windows advisory of the stored Microsoft documents, read once and kept until a document changes. */
    public List<WindowsVulnerability> windowsAdvisories() {
        List<WindowsVulnerability> known = windowsAdvisories;
        if (known != null) return known;
        List<WindowsVulnerability> all = new ArrayList<>();
        jdbc.query("SELECT name, body FROM windows_document ORDER BY name", rs -> {
            try {
                all.addAll(readWindows(rs.getString(1), rs.getBytes(2)).items());
            } catch (BadInputException e) {
                // It read when it was imported; a reader that changed since must not stop the server.
                LOG.warn("stored Microsoft document {} no longer reads: {}", rs.getString(1), e.getMessage());
            }
        });
        windowsAdvisories = List.copyOf(all);
        return windowsAdvisories;
    }

    public WindowsMatcher windowsMatcher() {
        WindowsMatcher matcher = windowsMatcher;
        if (matcher == null) {
            matcher = new WindowsMatcher(windowsAdvisories());
            windowsMatcher = matcher;
        }
        return matcher;
    }

    /** Reads a stored Microsoft document from its bytes, as the CLI reads it from a file. */
    private static ReadResult<WindowsVulnerability> readWindows(String name, byte[] body) throws BadInputException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("patchgap-msrc");
            Path file = dir.resolve(safeFileName(name));
            Files.write(file, body);
            return WindowsAdvisories.read(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot stage a document in the temporary directory", e);
        } finally {
            org.patchgap.server.TempFiles.deleteTree(dir);
        }
    }

    /** Inserts or replaces a KEV entry; true when the CVE was not in the catalog before. */
    public boolean putKev(KevEntry entry, Instant at) {
        int updated = jdbc.update("UPDATE kev_entry SET vendor_project = ?, product = ?, name = ?, date_added = ?, due_date = ?, "
                + "required_action = ?, ransomware = ? WHERE cve = ?", entry.vendorProject(), entry.product(), entry.name(),
                entry.dateAdded(), entry.dueDate(), entry.requiredAction(), entry.knownRansomwareUse(), entry.cveId());
        if (updated == 1) return false;
        jdbc.update("INSERT INTO kev_entry (cve, vendor_project, product, name, date_added, due_date, required_action, "
                + "ransomware, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.cveId(), entry.vendorProject(),
                entry.product(), entry.name(), entry.dateAdded(), entry.dueDate(), entry.requiredAction(),
                entry.knownRansomwareUse(), sql(at));
        return true;
    }

    public Optional<KevEntry> kev(String cve) {
        return jdbc.query("SELECT cve, vendor_project, product, name, date_added, due_date, required_action, ransomware "
                + "FROM kev_entry WHERE cve = ?", (rs, i) -> new KevEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class),
                rs.getString(7), rs.getBoolean(8), List.of()), cve).stream().findFirst();
    }

    /** Inserts or replaces a score; true when it changed. */
    public boolean putEpss(EpssScore score) {
        List<EpssScore> old = epss(score.cve()).stream().toList();
        if (!old.isEmpty() && old.get(0).equals(score)) return false;
        if (!old.isEmpty() && old.get(0).date().isAfter(score.date())) return false; // an older file changes nothing
        if (old.isEmpty()) {
            jdbc.update("INSERT INTO epss_score (cve, score, percentile, score_date) VALUES (?, ?, ?, ?)", score.cve(),
                    score.score(), score.percentile(), score.date());
        } else {
            jdbc.update("UPDATE epss_score SET score = ?, percentile = ?, score_date = ? WHERE cve = ?", score.score(),
                    score.percentile(), score.date(), score.cve());
        }
        return true;
    }

    public Optional<EpssScore> epss(String cve) {
        return jdbc.query("SELECT cve, score, percentile, score_date FROM epss_score WHERE cve = ?",
                (rs, i) -> new EpssScore(rs.getString(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getObject(4, java.time.LocalDate.class)), cve).stream().findFirst();
    }

    /** Counts for the status endpoint. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("records", count("SELECT COUNT(*) FROM advisory_record"));
        counts.put("withdrawn", count("SELECT COUNT(*) FROM advisory_record WHERE withdrawn IS NOT NULL"));
        counts.put("microsoftDocuments", count("SELECT COUNT(*) FROM windows_document"));
        counts.put("windowsVulnerabilities", windowsAdvisories().size());
        counts.put("knownExploited", count("SELECT COUNT(*) FROM kev_entry"));
        counts.put("epssScores", count("SELECT COUNT(*) FROM epss_score"));
        return counts;
    }

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }


    static String safeFileName(String name) {
        String base = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) base = "document" + base;
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }
}
