package org.patchgap.server.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.server.advisories.AdvisoryStore;
import org.patchgap.store.AdvisoryDatabase;
import org.patchgap.store.DatabaseUpdater;
import org.patchgap.store.PackageKey;
import org.patchgap.store.ProgressListener;
import org.patchgap.store.SourceSettings;
import org.patchgap.store.UpdateReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the server's advisories fresh from the same sources as {@code patchgap db update} ({@code --refresh
 * osv,kev,epss}; off by default, since a server may have no way out): the CLI's own updater brings the advisory
 * database under the data directory up to date (incremental, atomic, resumable), then every record whose bytes
 * changed is taken into the server and what it names is re-matched, in one transaction. Records the database no
 * longer holds are removed from the server's store and re-matched too (their findings resolve).
 */
@Service
public class AdvisoryRefresh {

    static final String SOURCE = "db";
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryRefresh.class);

    /** What a refresh did. */
    public record Result(UpdateReport update, int records, int changed, int removed, FleetService.RematchResult rematch) {}

    private final AdvisoryStore store;
    private final FleetService fleet;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<String> sources;
    private final Path directory;

    public AdvisoryRefresh(AdvisoryStore store, FleetService fleet, JdbcTemplate jdbc, TransactionTemplate transaction,
            Clock clock, @Value("${patchgap.refresh.sources:}") String sources,
            @Value("${patchgap.datadir:.}") String dataDir) {
        this.store = store;
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.sources = sources.isBlank() ? List.of() : List.of(sources.split(","));
        this.directory = Path.of(dataDir).resolve("advisory-db");
    }

    @Scheduled(fixedDelayString = "${patchgap.refresh.interval-ms:21600000}",
            initialDelayString = "${patchgap.refresh.initial-ms:30000}")
    public void scheduled() {
        if (sources.isEmpty()) return;
        try {
            Result r = refresh(SourceSettings.defaults().withEnvironment(System.getenv()));
            LOG.info("advisory refresh: {} records, {} changed, {} removed; {} targets re-matched, {} findings opened, {} resolved",
                    r.records(), r.changed(), r.removed(), r.rematch().targets(),
                    r.rematch().outcome().opened() + r.rematch().outcome().reopened(), r.rematch().outcome().resolved());
        } catch (Exception e) {
            // The previous advisories stay; the next run tries again.
            LOG.warn("advisory refresh failed: {}", e.getMessage());
        }
    }

    /** One refresh with the given download locations (tests point them at a local server). */
    public Result refresh(SourceSettings settings) throws Exception {
        UpdateReport report = new DatabaseUpdater(directory, settings).update(sources, ProgressListener.NONE);
        Instant at = clock.instant();
        List<Vulnerability> records;
        List<KevEntry> kev;
        try (AdvisoryDatabase db = AdvisoryDatabase.open(directory)) {
            records = db.allVulnerabilities();
            kev = new ArrayList<>(db.knownExploited());
            return transaction.execute(status -> {
                Set<PackageKey> keys = new LinkedHashSet<>();
                Set<String> present = new HashSet<>();
                int changed = 0;
                for (Vulnerability v : records) {
                    if (!present.add(v.id())) continue; // one record per id (the first source's)
                    AdvisoryStore.RecordChange change = store.upsert(SOURCE, v, at);
                    if (change.changed()) {
                        changed++;
                        keys.addAll(change.packages());
                    }
                }
                int removed = 0;
                for (String id : jdbc.queryForList("SELECT record_id FROM advisory_record WHERE source = ?", String.class, SOURCE)) {
                    if (present.contains(id)) continue;
                    keys.addAll(store.remove(SOURCE, id));
                    removed++;
                }
                List<String> newKev = new ArrayList<>();
                for (KevEntry e : kev) if (store.putKev(e, at)) newKev.add(e.cveId());
                for (String cve : jdbc.queryForList("SELECT DISTINCT alias FROM finding_alias WHERE alias LIKE 'CVE-%'", String.class)) {
                    try {
                        db.epss(cve).ifPresent(store::putEpss);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot read EPSS scores: " + e.getMessage(), e);
                    }
                }
                FleetService.RematchResult rematch = fleet.rematchPackages(keys, at);
                return new Result(report, records.size(), changed, removed, rematch);
            });
        }
    }
}
