package org.patchgap.formats.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Priority;
import org.patchgap.core.priority.Prioritizer;
import org.patchgap.formats.kev.KevEntry;

/**
 * Renders a {@link ScanReport} as a terminal table, most urgent first, followed by the upgrade that removes the
 * findings of each vulnerable component and a one-line summary. By default the rows are grouped under their
 * target and fit {@value #TERMINAL_WIDTH} columns: a record stands as its CVE, and only package names are
 * shortened, since versions, ids and fixes are what the reader acts on; {@code wide} gives one flat table with
 * every id and nothing cut. Colour is the caller's decision (a terminal, no
 * {@code NO_COLOR}); without it the text is plain and stable for tests and files.
 *
 * <p>An {@code EPSS} column (the probability of exploitation in the next 30 days, as a percentage) appears only
 * when some finding has a score, so that a scan without EPSS data keeps its narrower table. Matches a vendor
 * states are not affected (VEX) are counted in one line, and listed when asked.
 */
public final class TableReportWriter {


    /** The width the default layout fits (docs/cli.md); {@code --wide} does not fit any. */
    static final int TERMINAL_WIDTH = 120;
    /** PACKAGE is the one cell shortened to fit; below this width a name no longer identifies. */
    static final int MIN_PACKAGE_WIDTH = 20;
    private static final String ELLIPSIS = "...";
    private static final String INDENT = "  ";

    private final Prioritizer prioritizer;
    private final boolean wide;

    /** A writer whose priorities assume a medium mission and well-being impact (SSVC's middle value). */
    public TableReportWriter() {
        this(CisaTree.MissionImpact.MEDIUM);
    }

    /** A writer whose priorities use the targets' {@code mission} and well-being impact. */
    public TableReportWriter(CisaTree.MissionImpact mission) {
        this(mission, false);
    }

    /**
     * @param mission the targets' mission and well-being impact for the priorities
     * @param wide    one flat table with a TARGET column, every id of a record and no name shortened, instead of
     *                rows grouped under their target, fitted to {@value #TERMINAL_WIDTH} columns
     */
    public TableReportWriter(CisaTree.MissionImpact mission, boolean wide) {
        this.prioritizer = new Prioritizer(mission);
        this.wide = wide;
    }

    /** The whole report as text, ending with a newline; not-affected matches are counted, not listed. */
    public String render(ScanReport report, boolean colour) {
        return render(report, colour, false);
    }

    /**
     * The whole report as text, ending with a newline.
     *
     * @param showNotAffected list the matches that vendors' not-affected statements kept out of the findings
     */
    public String render(ScanReport report, boolean colour, boolean showNotAffected) {
        Ansi ansi = new Ansi(colour);
        StringBuilder out = new StringBuilder();
        List<Finding> findings = new ArrayList<>();
        Map<Finding, Priority> priorities = new java.util.IdentityHashMap<>();
        for (ScanReport.Prioritized p : report.mostUrgentFirst(prioritizer)) {
            findings.add(p.finding());
            priorities.put(p.finding(), p.priority());
        }
        if (!findings.isEmpty()) {
            boolean epss = findings.stream().anyMatch(f -> report.epss(f).isPresent());
            if (wide) appendWideTable(out, report, findings, priorities, epss, ansi);
            else appendGroupedTable(out, report, findings, priorities, epss, ansi);
        }
        if (!report.upgrades().isEmpty()) {
            out.append(findings.isEmpty() ? "" : "\n").append(ansi.bold("Upgrades")).append('\n');
            for (Upgrade upgrade : report.upgrades()) {
                out.append("  ").append(upgradeLine(upgrade, ansi, wide ? upgrade.target()
                        : FindingText.targetName(upgrade.target(), upgrade.component()), !wide)).append('\n');
            }
        }
        appendKnownExploited(out, report, findings, ansi);
        appendMitigations(out, findings, ansi);
        appendNotAffected(out, report.notAffected(), showNotAffected, ansi);
        appendIgnored(out, report.ignored(), ansi);
        if (!out.isEmpty()) out.append('\n');
        out.append(summaryLine(report)).append('\n');
        return out.toString();
    }

    /** Every column, every id, nothing shortened: for a wide terminal, a file or grep. */
    private static void appendWideTable(StringBuilder out, ScanReport report, List<Finding> findings,
            Map<Finding, Priority> priorities, boolean epss, Ansi ansi) {
        List<String> header = header(epss, true);
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            List<String> row = row(report, f, priorities.get(f), epss, FindingText.allIds(f));
            row.add(FindingText.targetName(f));
            rows.add(row);
        }
        int[] widths = widths(header, rows);
        appendRow(out, "", header, widths, ansi, null);
        for (int i = 0; i < rows.size(); i++) appendRow(out, "", rows.get(i), widths, ansi, findings.get(i).severity().level());
    }

    /**
     * A block per target, the most urgent target first: its name, then its own table, so that a block of short
     * package names is not narrowed for another's long ones. A record stands as its CVE (what people search);
     * the PACKAGE column shrinks (middle ellipsis, down to {@value #MIN_PACKAGE_WIDTH}) until the rows fit the
     * terminal width.
     */
    private static void appendGroupedTable(StringBuilder out, ScanReport report, List<Finding> findings,
            Map<Finding, Priority> priorities, boolean epss, Ansi ansi) {
        List<String> header = header(epss, false);
        int packageColumn = header.indexOf("PACKAGE");
        Map<String, List<Finding>> byTarget = new java.util.LinkedHashMap<>();
        for (Finding f : findings) byTarget.computeIfAbsent(f.target(), t -> new ArrayList<>()).add(f);
        boolean first = true;
        for (Map.Entry<String, List<Finding>> group : byTarget.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (Finding f : group.getValue()) rows.add(row(report, f, priorities.get(f), epss, FindingText.primaryId(f)));
            int[] widths = widths(header, rows);
            int total = INDENT.length() - 2;
            for (int width : widths) total += width + 2;
            if (total > TERMINAL_WIDTH) {
                widths[packageColumn] = Math.max(Math.max(MIN_PACKAGE_WIDTH, header.get(packageColumn).length()),
                        widths[packageColumn] - (total - TERMINAL_WIDTH));
                for (List<String> row : rows) row.set(packageColumn, shorten(row.get(packageColumn), widths[packageColumn]));
            }
            out.append(first ? "" : "\n").append(ansi.bold(group.getKey())).append('\n');
            first = false;
            appendRow(out, INDENT, header, widths, ansi, null);
            for (int i = 0; i < rows.size(); i++) {
                appendRow(out, INDENT, rows.get(i), widths, ansi, group.getValue().get(i).severity().level());
            }
        }
    }

    private static final String WINDOWS = FindingText.WINDOWS;

    private static List<String> header(boolean epss, boolean wide) {
        List<String> header = new ArrayList<>(List.of("PRIORITY", "SEVERITY"));
        if (epss) header.add("EPSS");
        header.addAll(List.of("PACKAGE", "VERSION", "VULNERABILITY", "FIX"));
        if (wide) header.add("TARGET");
        return header;
    }

    private static List<String> row(ScanReport report, Finding f, Priority priority, boolean epss, String id) {
        List<String> row = new ArrayList<>(8);
        row.add(priority.decision().label());
        row.add(FindingText.severity(f.severity()));
        if (epss) row.add(report.epss(f).map(TableReportWriter::epssCell).orElse("-"));
        row.add(f.component().name());
        row.add(String.valueOf(f.component().version()));
        row.add(id + (report.knownExploited(f).isPresent() ? " [KEV]" : ""));
        row.add(FindingText.fix(f));
        return row;
    }

    /** The CVEs of the findings that CISA's KEV catalog lists, with its dates and required action. */
    private static void appendKnownExploited(StringBuilder out, ScanReport report, List<Finding> findings, Ansi ansi) {
        Map<String, KevEntry> listed = new TreeMap<>();
        for (Finding f : findings) {
            report.knownExploited(f).ifPresent(entry -> listed.put(entry.cveId(), entry));
        }
        if (listed.isEmpty()) return;
        out.append('\n').append(ansi.bold("Known exploited (CISA KEV)")).append('\n');
        for (KevEntry entry : listed.values()) {
            out.append("  ").append(entry.cveId()).append(": ").append(entry.vendorProject()).append(' ')
                    .append(entry.product()).append(", listed ").append(entry.dateAdded());
            if (entry.dueDate() != null) out.append(", due ").append(entry.dueDate());
            if (entry.knownRansomwareUse()) out.append(", ").append(ansi.red("known ransomware use"));
            out.append('\n');
        }
    }

    /**
     * One line counting the matches vendors state are not affected (VEX), and with {@code show} each match on up
     * to three lines: the vulnerability and component, the justification and impact statement, who stated it.
     */
    private static void appendNotAffected(StringBuilder out, List<SuppressedFinding> notAffected, boolean show,
            Ansi ansi) {
        if (notAffected.isEmpty()) return;
        int n = notAffected.size();
        out.append(out.isEmpty() ? "" : "\n").append(ansi.bold(count(n) + plural(n, " finding") + " not reported: vendor"
                + (n == 1 ? " states" : "s state") + " not affected (VEX)"))
                .append(show ? "" : "; --show-not-affected lists " + (n == 1 ? "it" : "them")).append('\n');
        if (!show) return;
        for (SuppressedFinding s : notAffected) {
            Finding f = s.finding();
            out.append("  ").append(FindingText.allIds(f)).append(" in ").append(f.component().name()).append(' ')
                    .append(f.component().version()).append(" (").append(f.target()).append(")\n");
            String why = s.statement().justification() == null ? "" : s.statement().justification().label();
            if (s.statement().impactStatement() != null) {
                why += (why.isEmpty() ? "" : ": ") + "\"" + oneLine(s.statement().impactStatement()) + "\"";
            }
            if (!why.isEmpty()) out.append("    ").append(why).append('\n');
            out.append("    stated by ").append(s.recordId()).append(" in ").append(s.source()).append('\n');
        }
    }

    /** Findings ignore rules keep out: each with its reason, expiry and the rule's place, so none is forgotten. */
    private static void appendIgnored(StringBuilder out, List<org.patchgap.formats.ignore.IgnoredFinding> ignored,
            Ansi ansi) {
        if (ignored.isEmpty()) return;
        int n = ignored.size();
        out.append(out.isEmpty() ? "" : "\n").append(ansi.bold(count(n) + plural(n, " finding") + " ignored by rule"))
                .append('\n');
        for (org.patchgap.formats.ignore.IgnoredFinding i : ignored) {
            Finding f = i.finding();
            out.append("  ").append(FindingText.allIds(f)).append(" in ").append(f.component().name()).append(' ')
                    .append(f.component().version()).append(" (").append(f.target()).append("): ")
                    .append(oneLine(i.rule().reason()));
            if (i.rule().expires() != null) out.append(", until ").append(i.rule().expires());
            out.append(" [").append(i.rule().where()).append("]\n");
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Mitigations found on hosts (SMBv1 disabled, ...): shown beside the findings, which they do not remove. */
    private static void appendMitigations(StringBuilder out, List<Finding> findings, Ansi ansi) {
        Map<String, String> byTarget = new TreeMap<>();
        for (Finding f : findings) {
            org.patchgap.core.windows.WindowsFinding.mitigationsOf(f).ifPresent(m -> byTarget.putIfAbsent(f.target(), m));
        }
        if (byTarget.isEmpty()) return;
        out.append('\n').append(ansi.bold("Mitigations in place (the findings stay until the fix is installed)")).append('\n');
        byTarget.forEach((target, text) -> out.append("  ").append(target).append(": ").append(text).append('\n'));
    }

    /** EPSS as a percentage, with the precision a small probability needs: {@code 97%}, {@code 4.2%}, {@code 0.04%}. */
    static String epssCell(EpssScore score) {
        double percent = score.score() * 100;
        String pattern = percent >= 10 ? "%.0f%%" : percent >= 1 ? "%.1f%%" : "%.2f%%";
        return String.format(Locale.ROOT, pattern, percent);
    }

    /** {@code upgrade log4j-core 2.14.1 -> 2.17.1 (fixes 4) in shop-backend}, or why there is no such upgrade. */
    static String upgradeLine(Upgrade upgrade, Ansi ansi) {
        return upgradeLine(upgrade, ansi, upgrade.target(), false);
    }

    /**
     * The upgrade line naming its target as {@code target}; {@code narrow} (the grouped layout) leaves out a
     * Windows host's product name, which its rows show.
     */
    private static String upgradeLine(Upgrade upgrade, Ansi ansi, String target, boolean narrow) {
        if (WINDOWS.equals(upgrade.component().ecosystem()) && upgrade.toVersion() != null) {
            return "install " + ansi.green(upgrade.toVersion()) + " on " + target + " ("
                    + (narrow ? "" : upgrade.component().name() + " " + upgrade.component().version() + "; ")
                    + "fixes " + upgrade.vulnerabilityIds().size() + ")";
        }
        String name = upgrade.component().name();
        String from = String.valueOf(upgrade.component().version());
        String where = " in " + target;
        int total = upgrade.vulnerabilityIds().size();
        if (upgrade.toVersion() != null) {
            int fixes = total - upgrade.unfixed().size();
            String line = "upgrade " + name + " " + from + " -> " + ansi.green(upgrade.toVersion()) + " (fixes " + fixes + ")";
            if (!upgrade.unfixed().isEmpty()) {
                line += "; no fix available for " + String.join(", ", upgrade.unfixed());
            }
            return line + where;
        }
        if (upgrade.unfixed().size() == total) {
            return name + " " + from + ": " + ansi.red("no fix available") + " (" + String.join(", ", upgrade.unfixed()) + ")" + where;
        }
        return name + " " + from + ": " + ansi.red("no single version fixes all " + total + " findings")
                + " (" + String.join(", ", upgrade.vulnerabilityIds()) + ")" + where;
    }

    /** What was scanned, as the summary line says it: {@code 2 targets, 9 components, 11 advisory records}. */
    static String scanned(ScanSummary s) {
        return count(s.targets()) + plural(s.targets(), " target") + ", " + count(s.components())
                + plural(s.components(), " component") + ", " + count(s.advisoryRecords())
                + plural(s.advisoryRecords(), " advisory record");
    }

    static String summaryLine(ScanReport report) {
        String scanned = scanned(report.summary());
        if (report.findings().isEmpty()) {
            return "No known vulnerabilities found (" + scanned + ").";
        }
        List<String> parts = new ArrayList<>();
        Map<SeverityLevel, Integer> counts = report.findingsBySeverity();
        for (int i = SeverityLevel.values().length - 1; i >= 0; i--) {
            SeverityLevel level = SeverityLevel.values()[i];
            if (counts.get(level) > 0) parts.add(count(counts.get(level)) + " " + level.label());
        }
        Set<String> exposed = new HashSet<>();
        for (Finding f : report.findings()) exposed.add(f.target());
        return count(report.findings().size()) + plural(report.findings().size(), " finding") + " ("
                + String.join(", ", parts) + ") in " + count(exposed.size()) + " of " + scanned + ".";
    }

    /** A count as people read it, with thousands grouped ({@code 1,395}); JSON keeps plain numbers. */
    public static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    /** {@code text}, or when longer than {@code max} its start and end around an ellipsis (both ends identify). */
    static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int kept = max - ELLIPSIS.length();
        int head = (kept + 1) / 2;
        return text.substring(0, head) + ELLIPSIS + text.substring(text.length() - (kept - head));
    }

    private static int[] widths(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) widths[c] = header.get(c).length();
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        return widths;
    }

    private static void appendRow(StringBuilder out, String indent, List<String> cells, int[] widths, Ansi ansi,
            SeverityLevel level) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean last = c == cells.size() - 1;
            // Pad on the plain text, then colour: escape codes have no width on screen.
            String padded = last ? cell : cell + " ".repeat(widths[c] - cell.length() + 2);
            if (level == null) {
                line.append(ansi.bold(padded));
            } else if (c == 1) { // the SEVERITY column, after PRIORITY
                line.append(ansi.severity(level, padded));
            } else {
                line.append(padded);
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
