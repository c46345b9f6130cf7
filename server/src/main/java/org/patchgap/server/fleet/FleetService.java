package org.patchgap.server.fleet;

import static org.patchgap.server.Times.sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Target;
import org.patchgap.server.fleet.FindingLedger.Opened;
import org.patchgap.server.fleet.FindingLedger.Outcome;
import org.patchgap.server.fleet.Targets.TargetRow;
import org.patchgap.server.notify.Notifications;
import org.patchgap.store.PackageKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changes the fleet's findings: an upload of a target's inventory, a target's removal, and a change of
 * advisories. Each is one transaction: a crash at any moment leaves the state before it, whole.
 */
@Service
public class FleetService {

    /** The result of an upload. */
    public record UploadResult(TargetRow target, int components, Outcome outcome, int open, String reader,
            List<org.patchgap.core.model.Problem> problems) {}

    /** The result of a re-match. */
    public record RematchResult(int targets, int components, Outcome outcome) {}

    private final Targets targets;
    private final FindingLedger ledger;
    private final FleetMatcher matcher;
    private final JdbcTemplate jdbc;
    private final Notifications notifications;

    public FleetService(Targets targets, FindingLedger ledger, FleetMatcher matcher, JdbcTemplate jdbc,
            Notifications notifications) {
        this.targets = targets;
        this.ledger = ledger;
        this.matcher = matcher;
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /** Replaces the target's inventory with the uploaded one, matches it and records what changed. */
    @Transactional
    public UploadResult upload(long teamId, UploadedInventory inventory, String sha256, Instant at, Long apiKeyId) {
        Target target = inventory.target();
        TargetRow row = targets.lockOrCreate(teamId, target.name(), target.kind(), at);
        targets.replaceInventory(row.id(), target, at);
        List<MatchedFinding> found = matcher.matchAll(target);
        List<Opened> opened = new ArrayList<>();
        Outcome outcome = ledger.reconcile(row.id(), new Scope.All(), found, at, "upload", opened);
        jdbc.update("INSERT INTO inventory_upload (target_id, uploaded_at, sha256, reader, components, findings_opened, "
                + "findings_resolved, api_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row.id(), sql(at), sha256,
                inventory.reader(), target.components().size(), outcome.opened() + outcome.reopened(), outcome.resolved(),
                apiKeyId);
        notifications.findingsOpened(opened, at);
        return new UploadResult(targets.byId(row.id()).orElseThrow(), target.components().size(), outcome,
                openCount(row.id()), inventory.reader(), inventory.problems());
    }

    /** Removes a target explicitly: its findings are resolved ("target removed"), its history kept. */
    @Transactional
    public int remove(TargetRow row, Instant at) {
        targets.lock(row.id());
        int resolved = ledger.resolveAll(row.id(), at, "target removed");
        targets.markRemoved(row.id(), at);
        return resolved;
    }

    /**
     * Re-matches, through the reverse index, only the components stored under the given package keys, and
     * reconciles only their findings: the cost follows the components the changed advisories name.
     */
    @Transactional
    public RematchResult rematchPackages(Set<PackageKey> keys, Instant at) {
        if (keys.isEmpty()) return new RematchResult(0, 0, Outcome.NONE);
        Map<Long, List<Component>> byTarget = targets.componentsUnder(keys);
        Outcome total = Outcome.NONE;
        int components = 0;
        List<Opened> opened = new ArrayList<>();
        for (Map.Entry<Long, List<Component>> e : byTarget.entrySet()) {
            TargetRow row = targets.byId(e.getKey()).orElseThrow();
            if (row.removedAt() != null) continue;
            targets.lock(row.id());
            Target partial = new Target(row.name(), row.kind(), row.name(), e.getValue(), Targets.host(row.hostJson()));
            components += e.getValue().size();
            total = total.plus(ledger.reconcile(row.id(), new Scope.Packages(keys), matcher.matchPackages(partial), at,
                    "advisory update", opened));
        }
        // Findings of packages that no stored component has any more were resolved by the upload that removed them.
        notifications.findingsOpened(opened, at);
        return new RematchResult(byTarget.size(), components, total);
    }

    /** Re-matches every Windows host after Microsoft's documents changed. */
    @Transactional
    public RematchResult rematchWindowsHosts(Instant at) {
        Outcome total = Outcome.NONE;
        List<Opened> opened = new ArrayList<>();
        int matched = 0;
        for (long id : targets.windowsHosts()) {
            TargetRow row = targets.byId(id).orElseThrow();
            Target host = new Target(row.name(), row.kind(), row.name(), List.of(), Targets.host(row.hostJson()));
            if (!org.patchgap.core.windows.WindowsHosts.isWindows(host)) continue; // "windows" elsewhere in its facts
            targets.lock(id);
            matched++;
            total = total.plus(ledger.reconcile(id, new Scope.Windows(), matcher.matchWindows(host), at, "advisory update",
                    opened));
        }
        notifications.findingsOpened(opened, at);
        return new RematchResult(matched, 0, total);
    }

    int openCount(long targetId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM finding WHERE target_id = ? AND resolved_at IS NULL", Integer.class,
                targetId);
        return n == null ? 0 : n;
    }
}
