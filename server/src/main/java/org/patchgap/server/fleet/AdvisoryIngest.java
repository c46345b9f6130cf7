package org.patchgap.server.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.AdvisoryFileKind;
import org.patchgap.formats.PackageAdvisoryFiles;
import org.patchgap.formats.epss.EpssReader;
import org.patchgap.formats.kev.KevCatalog;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.windows.WindowsAdvisories;
import org.patchgap.server.advisories.AdvisoryStore;
import org.patchgap.server.web.UploadStaging;
import org.patchgap.store.PackageKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an advisory document into the server (routed by content with the CLI's own {@link AdvisoryFileKind}) and
 * re-matches what it changes, in one transaction: new or changed package records re-match the components under
 * their packages; Microsoft documents re-match the Windows hosts; new KEV entries and changed EPSS scores refresh
 * the findings of their CVEs.
 */
@Service
public class AdvisoryIngest {

    /** What an import did. */
    public record Result(String kind, int records, int changed, int unchanged, List<String> problems,
            FleetService.RematchResult rematch) {}

    private final AdvisoryStore store;
    private final FleetService fleet;
    private final JdbcTemplate jdbc;
    private final org.patchgap.server.notify.Notifications notifications;

    public AdvisoryIngest(AdvisoryStore store, FleetService fleet, JdbcTemplate jdbc,
            org.patchgap.server.notify.Notifications notifications) {
        this.store = store;
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    @Transactional(rollbackFor = BadInputException.class)
    public Result ingest(byte[] body, String filename, Instant at) throws BadInputException {
        try (UploadStaging staged = UploadStaging.of(body, filename, false)) {
            String prefix = staged.path().getParent().toString() + "/";
            AdvisoryFileKind kind = AdvisoryFileKind.of(staged.path());
            if (kind == AdvisoryFileKind.OTHER) {
                kind = AdvisoryFileKind.isCsvName(staged.path()) ? AdvisoryFileKind.EPSS : AdvisoryFileKind.OSV;
            }
            try {
                return switch (kind) {
                    case MICROSOFT -> microsoft(staged, body, at);
                    case KEV -> kev(staged, at, prefix);
                    case EPSS -> epss(staged, at, prefix);
                    default -> records(staged, kind, at, prefix);
                };
            } catch (BadInputException e) {
                throw new BadInputException(UploadedInventory.relative(e.location(), prefix), e.reason(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the upload", e);
        }
    }

    private Result records(UploadStaging staged, AdvisoryFileKind kind, Instant at, String prefix) throws BadInputException {
        ReadResult<Vulnerability> read = new PackageAdvisoryFiles().read(staged.path(), kind);
        List<String> problems = problems(read.problems(), prefix);
        if (read.items().isEmpty()) {
            throw new BadInputException(Location.of(staged.displayName()), "no usable advisory record"
                    + (problems.isEmpty() ? "" : " (" + problems.get(0) + ")"));
        }
        String source = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        Set<PackageKey> changedKeys = new LinkedHashSet<>();
        int changed = 0;
        for (Vulnerability v : read.items()) {
            AdvisoryStore.RecordChange change = store.upsert(source, withSource(v, UploadedInventory.relative(Location.of(v.source()), prefix).file()), at);
            if (change.changed()) {
                changed++;
                changedKeys.addAll(change.packages());
            }
        }
        FleetService.RematchResult rematch = fleet.rematchPackages(changedKeys, at);
        return new Result(source, read.items().size(), changed, read.items().size() - changed, problems, rematch);
    }

    private Result microsoft(UploadStaging staged, byte[] body, Instant at) throws BadInputException {
        ReadResult<WindowsVulnerability> read = WindowsAdvisories.read(staged.path());
        if (read.items().isEmpty()) {
            throw new BadInputException(Location.of(staged.displayName()), "no Windows vulnerability in this Microsoft document");
        }
        boolean changed = store.putWindowsDocument(staged.displayName(), body, at);
        FleetService.RematchResult rematch = changed ? fleet.rematchWindowsHosts(at)
                : new FleetService.RematchResult(0, 0, FindingLedger.Outcome.NONE);
        return new Result("microsoft", read.items().size(), changed ? read.items().size() : 0,
                changed ? 0 : read.items().size(), problems(read.problems(), ""), rematch);
    }

    private Result kev(UploadStaging staged, Instant at, String prefix) throws BadInputException {
        ReadResult<KevCatalog> read = KevCatalog.read(staged.path());
        List<String> added = new ArrayList<>();
        int entries = 0;
        for (KevCatalog catalog : read.items()) {
            for (KevEntry entry : catalog.entries()) {
                entries++;
                if (store.putKev(entry, at)) added.add(entry.cveId());
            }
        }
        FleetService.RematchResult rematch = refreshFindingsOf(added, at);
        notifications.kevAdded(added, at);
        return new Result("kev", entries, added.size(), entries - added.size(), problems(read.problems(), prefix), rematch);
    }

    private Result epss(UploadStaging staged, Instant at, String prefix) throws BadInputException {
        List<String> changed = new ArrayList<>();
        int[] scores = {0};
        var file = new EpssReader().read(staged.path(), (EpssScore score) -> {
            scores[0]++;
            if (store.putEpss(score)) changed.add(score.cve());
        });
        return new Result("epss", scores[0], changed.size(), scores[0] - changed.size(), problems(file.problems(), prefix),
                refreshFindingsOf(changed, at));
    }

    /** Re-matches the packages of the stored findings of these CVEs, so that their KEV and EPSS facts are current. */
    private FleetService.RematchResult refreshFindingsOf(List<String> cves, Instant at) {
        Set<PackageKey> keys = new LinkedHashSet<>();
        boolean windows = false;
        for (List<String> chunk : org.patchgap.server.Sql.chunks(cves)) {
            List<PackageKey> found = jdbc.query("SELECT DISTINCT f.eco_key, f.pkg_key FROM finding f JOIN finding_alias a "
                    + "ON a.finding_id = f.id WHERE a.alias IN (" + org.patchgap.server.Sql.placeholders(chunk.size())
                    + ")", (rs, i) -> new PackageKey(rs.getString(1), rs.getString(2)), chunk.toArray());
            for (PackageKey key : found) {
                if (key.ecosystem().equals(FleetMatcher.WINDOWS)) windows = true;
                else keys.add(key);
            }
        }
        FleetService.RematchResult packages = fleet.rematchPackages(keys, at);
        if (!windows) return packages;
        FleetService.RematchResult hosts = fleet.rematchWindowsHosts(at);
        return new FleetService.RematchResult(packages.targets() + hosts.targets(), packages.components(),
                packages.outcome().plus(hosts.outcome()));
    }

    private static List<String> problems(List<Problem> problems, String prefix) {
        return problems.stream().map(p -> new Problem(UploadedInventory.relative(p.location(), prefix), p.message()).toString())
                .toList();
    }

    static Vulnerability withSource(Vulnerability v, String source) {
        return new Vulnerability(v.id(), v.aliases(), v.summary(), v.published(), v.modified(), v.withdrawn(),
                v.severities(), v.affected(), v.references(), source, v.notAffected(), v.weaknesses(), v.mergedFrom());
    }

}
