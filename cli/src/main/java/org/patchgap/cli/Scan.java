package org.patchgap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.patchgap.core.match.AdvisoryStats;
import org.patchgap.core.match.MatchReport;
import org.patchgap.core.match.Matcher;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Target;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.osv.OsvReader;
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

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator
            .comparing(Finding::severity, Severity::bySeverity).reversed()
            .thenComparing(Finding::target)
            .thenComparing(f -> f.component().name())
            .thenComparing(f -> f.vulnerability().id());

    private Scan() {}

    static ScanReport run(List<Path> advisoryPaths, List<Path> targetPaths) throws BadInputException {
        List<Vulnerability> advisories = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        AdvisoryReader osv = new OsvReader();
        for (Path path : advisoryPaths) {
            if (!Files.exists(path)) throw new BadInputException(Location.of(path.toString()), "no such file or directory");
            ReadResult<Vulnerability> read = osv.read(path);
            advisories.addAll(read.items());
            problems.addAll(read.problems());
        }
        int skippedAdvisories = problems.size();

        TargetLoader.Loaded loaded = TargetLoader.load(targetPaths);
        problems.addAll(loaded.problems());

        Matcher packages = Matcher.of(advisories);
        problems.addAll(packages.advisoryProblems());
        List<FindingSource> sources = List.of(packages::match);

        List<Finding> findings = new ArrayList<>();
        List<Upgrade> upgrades = new ArrayList<>();
        int unmatchable = 0;
        for (FindingSource source : sources) {
            MatchReport report = source.match(loaded.targets());
            findings.addAll(report.findings());
            upgrades.addAll(report.upgrades());
            problems.addAll(report.problems());
            unmatchable += report.componentsUnmatchable();
        }
        findings.sort(MOST_SEVERE_FIRST);

        AdvisoryStats stats = packages.stats();
        int components = loaded.targets().stream().mapToInt(t -> t.components().size()).sum();
        ScanSummary summary = new ScanSummary(loaded.targets().size(), components, unmatchable, stats.records(),
                stats.vulnerabilities(), stats.withdrawn(), stats.gitRanges(), stats.droppedRanges(), skippedAdvisories,
                loaded.skippedComponents(), loaded.skippedFiles());
        return new ScanReport(findings, upgrades, problems, summary);
    }
}
