package org.patchgap.formats.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Decision;
import org.patchgap.core.priority.Prioritizer;
import org.patchgap.formats.ignore.IgnoredFinding;

/**
 * Writes a scan as GitHub-flavoured Markdown for a pull-request comment: a heading with the counts, one table row
 * per finding (most urgent first), then the upgrades, ignored findings and not-affected matches in collapsed
 * sections.
 *
 * <p>Everything that comes from an input file (package names, versions, targets, ids, rule reasons) is written
 * as a code span: Markdown inside it is inert, GitHub does not turn {@code @name} in it into a mention (npm scopes
 * such as {@code @angular/core} would otherwise notify an organisation), and a pipe is escaped so it cannot end a
 * table cell. Advisory summaries are left out for the same reason; each id links to its advisory.
 *
 * <p>GitHub refuses comments over 65,536 characters: rows stop at {@link #MAX_CHARS} with a line saying how many
 * were left out and where to find them.
 */
public final class MarkdownReportWriter {

    /** Kept below GitHub's comment limit of 65,536 characters, leaving room for the sections after the table. */
    static final int MAX_CHARS = 60_000;
    private static final Pattern SAFE_URL = Pattern.compile("https://[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+");

    private final Prioritizer prioritizer;
    private final int maxChars;

    public MarkdownReportWriter(CisaTree.MissionImpact mission) {
        this(mission, MAX_CHARS);
    }

    MarkdownReportWriter(CisaTree.MissionImpact mission, int maxChars) {
        this.prioritizer = new Prioritizer(mission);
        this.maxChars = maxChars;
    }

    /** Writes {@code report} to {@code out} (UTF-8); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String render(ScanReport report) {
        StringBuilder md = new StringBuilder();
        List<ScanReport.Prioritized> ranked = report.mostUrgentFirst(prioritizer);
        ScanSummary s = report.summary();
        String scanned = TableReportWriter.scanned(s);
        if (ranked.isEmpty()) {
            md.append("### Patchgap: no known vulnerabilities\n\n").append("Scanned ").append(scanned).append(".\n");
        } else {
            long exposed = report.findings().stream().map(Finding::target).distinct().count();
            md.append("### Patchgap: ").append(TableReportWriter.count(ranked.size()))
                    .append(TableReportWriter.plural(ranked.size(), " finding")).append(" in ").append(exposed).append(" of ")
                    .append(TableReportWriter.count(s.targets())).append(TableReportWriter.plural(s.targets(), " target")).append("\n\n");
            md.append(priorityCounts(ranked)).append(" (SSVC priority). Scanned ").append(scanned).append(".\n\n");
            appendTable(md, report, ranked);
        }
        appendUpgrades(md, report.upgrades());
        appendIgnored(md, report.ignored());
        appendNotAffected(md, report.notAffected());
        if (!report.problems().isEmpty()) {
            md.append('\n').append(TableReportWriter.count(report.problems().size()))
                    .append(TableReportWriter.plural(report.problems().size(), " problem"))
                    .append(" reading the inputs (records, components or files skipped); the JSON report lists them.\n");
        }
        return md.toString();
    }

    private static String priorityCounts(List<ScanReport.Prioritized> ranked) {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (ScanReport.Prioritized p : ranked) counts.merge(p.priority().decision(), 1, Integer::sum);
        StringBuilder text = new StringBuilder();
        Decision[] decisions = Decision.values();
        for (int i = decisions.length - 1; i >= 0; i--) {
            Integer n = counts.get(decisions[i]);
            if (n == null) continue;
            if (!text.isEmpty()) text.append(", ");
            text.append("**").append(decisions[i].label().replace("*", "\\*")).append("** ").append(n);
        }
        return text.toString();
    }

    private void appendTable(StringBuilder md, ScanReport report, List<ScanReport.Prioritized> ranked) {
        md.append("| Priority | Severity | Package | Version | Vulnerability | Fix | Target |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        int written = 0;
        for (ScanReport.Prioritized p : ranked) {
            Finding f = p.finding();
            String row = "| " + p.priority().decision().label().replace("*", "\\*")
                    + " | " + FindingText.severity(f.severity())
                    + " | " + cell(f.component().name())
                    + " | " + cell(String.valueOf(f.component().version()))
                    + " | " + vulnerability(f) + (report.knownExploited(f).isPresent() ? " **KEV**" : "")
                    + " | " + cell(FindingText.fix(f))
                    + " | " + cell(FindingText.targetName(f)) + " |\n";
            if (md.length() + row.length() > maxChars) break;
            md.append(row);
            written++;
        }
        if (written < ranked.size()) {
            int left = ranked.size() - written;
            md.append("\n_").append(TableReportWriter.count(left)).append(TableReportWriter.plural(left, " more finding"))
                    .append(" not shown (GitHub's comment size limit); the JSON and SARIF reports have all._\n");
        }
    }

    /** The record's CVE (or id) as a code span, linked to its first https reference when it has one. */
    private static String vulnerability(Finding f) {
        String id = cell(FindingText.primaryId(f));
        String url = f.vulnerability().references().stream().filter(r -> SAFE_URL.matcher(r).matches())
                .findFirst().orElse(null);
        return url == null ? id : "[" + id + "](" + url.replace("(", "%28").replace(")", "%29") + ")";
    }

    private static void appendUpgrades(StringBuilder md, List<Upgrade> upgrades) {
        if (upgrades.isEmpty()) return;
        md.append("\n<details>\n<summary>Upgrades (").append(upgrades.size()).append(")</summary>\n\n");
        for (Upgrade u : upgrades) {
            md.append("- ").append(code(u.component().name())).append(' ').append(code(String.valueOf(u.component().version())));
            if (u.toVersion() != null) {
                int fixes = u.vulnerabilityIds().size() - u.unfixed().size();
                md.append(" → ").append(code(u.toVersion())).append(" (fixes ").append(fixes).append(')');
                if (!u.unfixed().isEmpty()) md.append("; no fix for ").append(codes(u.unfixed()));
            } else if (u.unfixed().size() == u.vulnerabilityIds().size()) {
                md.append(": no fix available (").append(codes(u.unfixed())).append(')');
            } else {
                md.append(": no single version fixes all ").append(u.vulnerabilityIds().size()).append(" findings");
            }
            md.append(" in ").append(code(FindingText.targetName(u.target(), u.component()))).append('\n');
        }
        md.append("\n</details>\n");
    }

    private static void appendIgnored(StringBuilder md, List<IgnoredFinding> ignored) {
        if (ignored.isEmpty()) return;
        md.append("\n<details>\n<summary>Ignored by rule (").append(ignored.size()).append(")</summary>\n\n");
        for (IgnoredFinding i : ignored) {
            Finding f = i.finding();
            md.append("- ").append(code(FindingText.primaryId(f))).append(" in ").append(code(f.component().name()))
                    .append(' ').append(code(String.valueOf(f.component().version()))).append(": ")
                    .append(code(i.rule().reason()));
            if (i.rule().expires() != null) md.append(", until ").append(i.rule().expires());
            md.append(" (").append(code(i.rule().where())).append(")\n");
        }
        md.append("\n</details>\n");
    }

    private static void appendNotAffected(StringBuilder md, List<SuppressedFinding> notAffected) {
        if (notAffected.isEmpty()) return;
        md.append("\n<details>\n<summary>Not affected, as the vendor states (VEX) (").append(notAffected.size())
                .append(")</summary>\n\n");
        for (SuppressedFinding s : notAffected) {
            Finding f = s.finding();
            md.append("- ").append(code(FindingText.primaryId(f))).append(" in ").append(code(f.component().name()))
                    .append(' ').append(code(String.valueOf(f.component().version())));
            if (s.statement().justification() != null) md.append(": ").append(code(s.statement().justification().label()));
            md.append(" (stated in ").append(code(s.source())).append(")\n");
        }
        md.append("\n</details>\n");
    }

    private static String codes(List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String v : values) text.append(text.isEmpty() ? "" : ", ").append(code(v));
        return text.toString();
    }

    /** A code span for a table cell: as {@link #code}, with pipes escaped (GFM splits cells before inlines). */
    static String cell(String text) {
        return code(text).replace("|", "\\|");
    }

    /**
     * {@code text} on one line as a code span, its fence one backtick longer than the longest run inside it, and
     * padded with a space when it starts or ends with a backtick (CommonMark 6.1).
     */
    static String code(@Nullable String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) return "";
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`");
        return fence + (pad ? " " : "") + line + (pad ? " " : "") + fence;
    }
}
