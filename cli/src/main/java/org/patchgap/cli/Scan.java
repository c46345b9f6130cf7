package org.patchgap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.AdvisoryStats;
import org.patchgap.core.match.MatchReport;
import org.patchgap.core.match.Matcher;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsFindings;
import org.patchgap.core.windows.WindowsHosts;
import org.patchgap.core.windows.WindowsMatcher;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.report.ScanReport;
import org.patchgap.formats.report.ScanSummary;

/**
 * One scan, from paths to report: read the advisories, read the targets, run every finding source over the
 * targets and combine what they found.
 *
 * <p>The package matcher is one finding source; others (a host matcher for installed OS updates) join by
 * adding a {@link FindingSource} to the list in {@link #run}: each reports findings, upgrades and problems for
 * the components it is responsible for, and the report combines them.
 */
final class Scan {

    /** Something that finds vulnerabilities in targets. */
    interface FindingSource {
        MatchReport match(List<Target> targets);
    }


    private Scan() {}

    static ScanReport run(List<Path> advisoryPaths, List<Path> targetPaths) throws BadInputException, UsageException {
        return run(advisoryPaths, targetPaths, List.of(), null);
    }

    /**
     * @param advisoryPaths where to read advisories; when empty, the local advisory database is used
     * @param database      the database directory ({@code --db}), or null for the default location
     */
    static ScanReport run(List<Path> advisoryPaths, List<Path> targetPaths, List<String> excludes,
            @Nullable Path database) throws BadInputException, UsageException {
        // A mistyped --advisories path is reported before any target is read.
        for (Path path : advisoryPaths) {
            if (!Files.exists(path)) throw new BadInputException(Location.of(path.toString()), "no such file or directory");
        }
        TargetLoader.Loaded loaded = TargetLoader.load(targetPaths, excludes);
        List<Target> targets = loaded.targets();

        List<Problem> uncovered = new ArrayList<>();
        AdvisoryLoader.Loaded advisories = advisoryPaths.isEmpty()
                ? DatabaseAdvisories.load(database, targets, uncovered)
                : AdvisoryLoader.load(advisoryPaths);
        List<Problem> problems = new ArrayList<>(advisories.problems());
        int skippedAdvisories = problems.size();
        problems.addAll(loaded.problems());
        problems.addAll(uncovered);
        // An empty result from a mistyped or empty directory must not read as "no known vulnerabilities" unnoticed.
        if (nothingIn(advisories)) {
            for (Path path : advisoryPaths) {
                problems.add(new Problem(Location.of(path.toString()), Files.isDirectory(path)
                        ? "no advisories found here (OSV, CSAF, VEX, NVD, Microsoft, KEV or EPSS files); nothing can "
                                + "be matched against them"
                        : "no usable advisory record in this file; nothing can be matched against it"));
            }
        }
        if (targets.isEmpty()) {
            for (Path path : targetPaths) {
                problems.add(new Problem(Location.of(path.toString()), "no inventory found here (SBOM, lockfile, "
                        + "OS package database or Windows export); nothing was scanned"));
            }
        }
        if (advisories.windowsAdvisories().isEmpty()) {
            // Windows hosts are matched only against Microsoft's updates: without them "no findings" means "not checked".
            for (Target target : targets) {
                if (WindowsHosts.isWindows(target)) {
                    problems.add(new Problem(Location.of(target.source()), "Windows host " + target.name()
                            + " not checked: no Microsoft security updates among the advisories (the database does "
                            + "not keep them; 'patchgap advisories msrc MONTH...', then --advisories DIR)"));
                }
            }
        }

        Matcher packages = Matcher.of(advisories.packageAdvisories());
        problems.addAll(packages.advisoryProblems());
        WindowsMatcher windows = new WindowsMatcher(advisories.windowsAdvisories());
        List<FindingSource> sources = List.of(packages::match, hosts -> WindowsFindings.match(windows, hosts));

        List<Finding> findings = new ArrayList<>();
        List<Upgrade> upgrades = new ArrayList<>();
        List<SuppressedFinding> notAffected = new ArrayList<>();
        int unmatchable = 0;
        for (FindingSource source : sources) {
            MatchReport report = source.match(targets);
            findings.addAll(report.findings());
            upgrades.addAll(report.upgrades());
            notAffected.addAll(report.suppressed());
            problems.addAll(report.problems());
            unmatchable += report.componentsUnmatchable();
        }

        findings.sort(Finding.MOST_SEVERE_FIRST);

        Map<String, KevEntry> knownExploited = new HashMap<>();
        Map<String, EpssScore> epss = new HashMap<>();
        for (Finding finding : findings) {
            for (String id : ids(finding)) {
                advisories.kevEntry(id).ifPresent(entry -> knownExploited.put(id, entry));
                EpssScore score = advisories.epss().get(id);
                if (score != null) epss.put(id, score);
            }
        }

        AdvisoryStats stats = packages.stats();
        int components = targets.stream().mapToInt(t -> t.components().size()).sum();
        int records = stats.records() + advisories.windowsAdvisories().size();
        int vulnerabilities = stats.vulnerabilities() + advisories.windowsAdvisories().size();
        ScanSummary summary = new ScanSummary(targets.size(), components, unmatchable, records,
                vulnerabilities, stats.withdrawn(), stats.gitRanges(), stats.droppedRanges(), skippedAdvisories,
                loaded.skippedComponents(), loaded.skippedFiles());
        return new ScanReport(findings, upgrades, problems, summary, knownExploited, epss, notAffected, List.of(),
                targets);
    }

    private static boolean nothingIn(AdvisoryLoader.Loaded advisories) {
        return advisories.packageAdvisories().isEmpty() && advisories.windowsAdvisories().isEmpty()
                && advisories.kev().isEmpty() && advisories.epss().isEmpty();
    }

    private static List<String> ids(Finding finding) {
        List<String> ids = new ArrayList<>(finding.vulnerability().aliases());
        ids.add(0, finding.vulnerability().id());
        return ids;
    }
}
