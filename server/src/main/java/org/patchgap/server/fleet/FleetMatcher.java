package org.patchgap.server.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.MatchReport;
import org.patchgap.core.match.Matcher;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsFindings;
import org.patchgap.core.windows.WindowsHosts;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.report.JsonReportWriter;
import org.patchgap.server.advisories.AdvisoryStore;
import org.patchgap.store.PackageKey;

/**
 * Matches a target against the server's advisories with the engine itself: the package matcher over the records
 * of the target's packages (read by package key, so a match reads what the target contains, not the whole store),
 * and the Windows host matcher over Microsoft's updates; then attaches KEV facts and EPSS scores, as a CLI scan
 * does.
 */
@org.springframework.stereotype.Component
public class FleetMatcher {

    /** The package key of Windows findings: the OS product is the "package". */
    static final String WINDOWS = "windows";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdvisoryStore advisories;

    public FleetMatcher(AdvisoryStore advisories) {
        this.advisories = advisories;
    }

    /** Every finding of the target: its packages, and the host when it is one. */
    public List<MatchedFinding> matchAll(Target target) {
        List<MatchedFinding> all = new ArrayList<>(matchPackages(target));
        all.addAll(matchWindows(target));
        return List.copyOf(all);
    }

    /** The findings of the target's package components (a target holding only some of them is fine). */
    public List<MatchedFinding> matchPackages(Target target) {
        Set<PackageKey> keys = new LinkedHashSet<>();
        for (Component c : target.components()) {
            PackageKey key = PackageKey.of(c);
            if (key != null) keys.add(key);
        }
        if (keys.isEmpty()) return List.of();
        MatchReport report = Matcher.of(advisories.recordsFor(keys)).match(List.of(target));
        return dedupe(convert(report, false));
    }

    /** The Windows findings of a host (none for a target that is not a Windows host). */
    public List<MatchedFinding> matchWindows(Target target) {
        if (!WindowsHosts.isWindows(target)) return List.of();
        MatchReport report = WindowsFindings.match(advisories.windowsMatcher(), List.of(target));
        return dedupe(convert(report, true));
    }

    private List<MatchedFinding> convert(MatchReport report, boolean windows) {
        Map<String, Upgrade> upgrades = new HashMap<>();
        for (Upgrade u : report.upgrades()) {
            for (String id : u.vulnerabilityIds()) upgrades.putIfAbsent(upgradeKey(u.component(), id), u);
        }
        Map<String, KevEntry> kevCache = new HashMap<>();
        Map<String, EpssScore> epssCache = new HashMap<>();
        List<MatchedFinding> out = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            List<String> ids = new ArrayList<>();
            ids.add(f.vulnerability().id());
            ids.addAll(f.vulnerability().aliases());
            KevEntry kev = null;
            EpssScore epss = null;
            for (String id : ids) {
                if (!id.startsWith("CVE-")) continue;
                if (kev == null) kev = kevCache.computeIfAbsent(id, k -> advisories.kev(k).orElse(null));
                if (epss == null) epss = epssCache.computeIfAbsent(id, k -> advisories.epss(k).orElse(null));
            }
            String vulnerabilityId = stableId(ids);
            PackageKey packageKey = windows
                    ? new PackageKey(WINDOWS, f.component().name().toLowerCase(Locale.ROOT))
                    : Objects.requireNonNull(PackageKey.of(f.component()), "a matched component has a key");
            boolean exposed = !(windows && f.evidence().startsWith("CANNOT_TELL"));
            Upgrade upgrade = upgrades.get(upgradeKey(f.component(), f.vulnerability().id()));
            byte[] body = JsonReportWriter.findingJson(f, upgrade, kev, epss);
            out.add(new MatchedFinding(vulnerabilityId + "|" + packageKey.ecosystem() + "|" + packageKey.key(),
                    vulnerabilityId, List.copyOf(new LinkedHashSet<>(ids)), packageKey, f, exposed, kev, epss,
                    fixPublished(f), body));
        }
        return out;
    }

    /**
     * When the fix became available: the advisory's publication, for a finding that has a fix (a fixed version,
     * a KB, a vendor fix). Advisories rarely date the fix itself; the publication is when the world could know it.
     */
    static @Nullable Instant fixPublished(Finding f) {
        boolean hasFix = !f.fixedVersions().isEmpty() || f.vendorFix().isPresent();
        return hasFix ? f.vulnerability().published() : null;
    }

    /**
     * The id a finding is kept under: the lowest CVE among the flaw's ids when it has one (stable when more
     * records of the same flaw arrive, whichever becomes the representative), else its own id.
     */
    static String stableId(List<String> ids) {
        return ids.stream().filter(id -> id.startsWith("CVE-"))
                .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .orElse(ids.get(0));
    }

    /**
     * One finding per key: a target with two copies of a package exposed to one flaw has one exposure (kept from
     * the most severe copy), and {@code installedVersions} in its body lists every copy's version.
     */
    static List<MatchedFinding> dedupe(List<MatchedFinding> findings) {
        Map<String, List<MatchedFinding>> byKey = new LinkedHashMap<>();
        for (MatchedFinding f : findings) byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        List<MatchedFinding> out = new ArrayList<>(byKey.size());
        for (List<MatchedFinding> copies : byKey.values()) {
            MatchedFinding kept = copies.get(0);
            for (MatchedFinding f : copies) {
                if (f.finding().severity().level().compareTo(kept.finding().severity().level()) > 0) kept = f;
            }
            Set<String> versions = new LinkedHashSet<>();
            for (MatchedFinding f : copies) versions.add(String.valueOf(f.finding().component().version()));
            out.add(withVersions(kept, List.copyOf(versions)));
        }
        return out;
    }

    private static MatchedFinding withVersions(MatchedFinding f, List<String> versions) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(f.body());
            ArrayNode list = body.putArray("installedVersions");
            versions.forEach(list::add);
            return new MatchedFinding(f.key(), f.vulnerabilityId(), f.ids(), f.packageKey(), f.finding(), f.exposed(), f.kev(),
                    f.epss(), f.fixPublished(), JSON.writeValueAsBytes(body));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a finding written a moment ago does not read", e);
        }
    }

    private static String upgradeKey(Component c, String id) {
        return c.ecosystem() + "\u0000" + c.name() + "\u0000" + c.version() + "\u0000" + c.location() + "\u0000" + id;
    }
}
