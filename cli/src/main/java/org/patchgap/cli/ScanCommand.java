package org.patchgap.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Finding;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Decision;
import org.patchgap.core.priority.Prioritizer;
import org.patchgap.formats.ignore.IgnoreRules;
import org.patchgap.formats.report.CsafVexReportWriter;
import org.patchgap.formats.report.CsvReportWriter;
import org.patchgap.formats.report.OpenVexReportWriter;
import org.patchgap.formats.report.VexAuthor;
import org.patchgap.formats.report.JsonReportWriter;
import org.patchgap.formats.report.MarkdownReportWriter;
import org.patchgap.formats.report.SarifReportWriter;
import org.patchgap.formats.report.ScanReport;
import org.patchgap.formats.report.TableReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code patchgap scan}: which components of the targets are affected by the advisories, and which upgrade
 * removes each exposure. Exit code 0 when nothing is at or above {@code --fail-on}, 1 when something is, 2 on
 * a usage or input error.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Match inventories (SBOMs, lockfiles, OS package databases, Windows exports) against advisories and report the findings and their fixes.",
        footer = {"", "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or input error."})
final class ScanCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--advisories", paramLabel = "PATH", required = false,
            description = "Advisories to use instead of the database: OSV JSON/YAML files, directories or zip dumps, "
                    + "CSAF documents (advisories and VEX), OpenVEX and CycloneDX VEX documents, NVD CVE API pages, "
                    + "Microsoft CVRF/CSAF documents, CISA's KEV catalog, FIRST's EPSS scores (.csv, .csv.gz). "
                    + "Repeatable.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--db", paramLabel = "PATH",
            description = "The advisory database used when no --advisories is given (default: $PATCHGAP_DB, "
                    + "else $XDG_DATA_HOME/patchgap or ~/.local/share/patchgap; see 'patchgap db').")
    Path database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = ScanFormatConverter.class,
            description = "Report format: table, json, sarif (SARIF 2.1.0 for GitHub code scanning), cyclonedx "
                    + "(CycloneDX 1.6 with vulnerabilities), openvex, csaf-vex, csv or markdown (a pull-request "
                    + "comment) (default: ${DEFAULT-VALUE}).")
    ScanFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "THRESHOLD", defaultValue = "any", converter = FailOn.Converter.class,
            description = "Exit with 1 when a finding is at or above THRESHOLD: any (every finding, whatever its "
                    + "severity), a severity (low, medium, high, critical), an SSVC priority (track, track*, attend, act), "
                    + "or none (never). Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--ignore", paramLabel = "FILE",
            description = "Ignore rules (YAML, docs/ignore.md); default: .patchgapignore in the working directory when "
                    + "it exists. Ignored findings are listed apart; expired and stale rules are warned about.")
    Path ignoreFile;

    @Option(names = "--mission-impact", paramLabel = "LEVEL", defaultValue = "medium",
            converter = MissionImpactConverter.class,
            description = "The targets' mission and well-being impact for the SSVC priority: low, medium or high "
                    + "(docs/priority.md). Default: ${DEFAULT-VALUE}.")
    CisaTree.MissionImpact missionImpact;

    @Option(names = "--show-not-affected",
            description = "List the matches that a vendor's VEX statement (CSAF known_not_affected, OpenVEX or "
                    + "CycloneDX not_affected) keeps out of the findings; without it the table only counts them (JSON "
                    + "always lists them under notAffected).")
    boolean showNotAffected;

    @Option(names = "--wide",
            description = "Table: one flat table with a TARGET column, every id of a record and no name shortened, "
                    + "instead of rows grouped under each target and fitted to 120 columns.")
    boolean wide;

    @Option(names = "--vex-author", paramLabel = "NAME", defaultValue = "Patchgap scan",
            description = "openvex, csaf-vex: who makes the statements (OpenVEX author, CSAF publisher name); "
                    + "default: ${DEFAULT-VALUE}.")
    String vexAuthor;

    @Option(names = "--vex-namespace", paramLabel = "URI", defaultValue = "urn:patchgap:scan",
            description = "csaf-vex: the publisher's namespace, a URI of the organisation (default: ${DEFAULT-VALUE}).")
    String vexNamespace;

    @Mixin
    TargetOptions targetOptions = new TargetOptions();

    private static String toolVersion() {
        try {
            return new PatchgapCommand.Version().getVersion()[0].replaceFirst("^patchgap ", "");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Reads {@code --mission-impact}: low, medium or high, in any case. */
    static final class MissionImpactConverter implements picocli.CommandLine.ITypeConverter<CisaTree.MissionImpact> {
        @Override
        public CisaTree.MissionImpact convert(String value) {
            try {
                return CisaTree.MissionImpact.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected low, medium or high, found '"
                        + value + "'");
            }
        }
    }

    /** Reads {@code --format} as the help spells it: lower case, {@code csaf-vex} with a hyphen. */
    static final class ScanFormatConverter implements picocli.CommandLine.ITypeConverter<ScanFormat> {
        @Override
        public ScanFormat convert(String value) {
            try {
                return ScanFormat.valueOf(value.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected table, json, sarif, cyclonedx, "
                        + "openvex, csaf-vex, csv or markdown, found '" + value + "'");
            }
        }
    }

    ScanCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws UsageException, BadInputException {
        Path rulesFile = ignoreFile != null ? ignoreFile
                : java.nio.file.Files.isRegularFile(Path.of(IgnoreRules.DEFAULT_FILE)) ? Path.of(IgnoreRules.DEFAULT_FILE) : null;
        // Read before the scan: a broken rules file is reported before minutes of matching.
        IgnoreRules rules = rulesFile == null ? IgnoreRules.none() : IgnoreRules.read(rulesFile);
        ScanReport report = Scan.run(advisories, targetOptions.targets, targetOptions.excludes, database)
                .ignoring(rules, java.time.LocalDate.now());
        boolean vex = format == ScanFormat.OPENVEX || format == ScanFormat.CSAF_VEX;
        if (vex && !OpenVexReportWriter.hasStatements(report)) {
            // Both formats need a statement: a clean scan has none to make, and an empty document would be invalid.
            io.err().println("patchgap: warning: no finding, not-affected match or ignored finding: nothing to "
                    + "state, no " + (format == ScanFormat.OPENVEX ? "OpenVEX" : "CSAF VEX") + " document written");
        } else ReportOutput.write(io, output, out -> {
            VexAuthor author = new VexAuthor(vexAuthor, vexNamespace);
            switch (format) {
                case JSON -> new JsonReportWriter(missionImpact).write(report, out);
                case SARIF -> new SarifReportWriter(toolVersion(), missionImpact, Path.of("")).write(report, out);
                case CSV -> new CsvReportWriter(missionImpact).write(report, out);
                case OPENVEX -> new OpenVexReportWriter(author, toolVersion(), java.time.Instant.now()).write(report, out);
                case CSAF_VEX -> new CsafVexReportWriter(author, toolVersion(), java.time.Instant.now()).write(report, out);
                case CYCLONEDX -> new org.patchgap.formats.report.CycloneDxReportWriter(toolVersion(), missionImpact,
                        java.time.Instant.now()).write(report, out);
                case MARKDOWN -> new MarkdownReportWriter(missionImpact).write(report, out);
                default -> out.write(new TableReportWriter(missionImpact, wide)
                        .render(report, io.colour() && output == null, showNotAffected).getBytes(StandardCharsets.UTF_8));
            }
        });
        Warnings.print(io.err(), report.summary(), report.problems());
        Prioritizer prioritizer = new Prioritizer(missionImpact);
        for (Finding finding : report.findings()) {
            Decision priority = report.priority(finding, prioritizer).decision();
            if (failOn.fails(finding.severity().level(), priority)) return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
