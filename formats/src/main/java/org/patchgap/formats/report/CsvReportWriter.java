package org.patchgap.formats.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Finding;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Prioritizer;

/**
 * Writes a scan's findings as CSV (RFC 4180: a header row, CRLF line ends, fields quoted where they hold a comma,
 * quote or line break), one row per finding, most urgent first: for spreadsheets and ticket imports. The columns
 * are a stable contract (docs/cli.md), only ever added at the end.
 *
 * <p>A spreadsheet runs a cell that starts with {@code = + - @}, a tab or a carriage return as a formula, and
 * package names, summaries and targets come from files others wrote. Such a cell is written with a leading
 * apostrophe (OWASP's advice for CSV injection), which spreadsheets show as text; a reader that parses the CSV
 * itself sees the apostrophe.
 */
public final class CsvReportWriter {

    /** The header row, in column order. */
    public static final List<String> COLUMNS = List.of("priority", "severity", "score", "epss", "kev", "kev_due_date",
            "target", "ecosystem", "package", "version", "purl", "vulnerability", "aliases", "fix", "upgrade",
            "file", "place", "ssvc", "summary");

    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String column : COLUMNS) builder.addColumn(column);
        SCHEMA = builder.build();
    }

    private final Prioritizer prioritizer;

    public CsvReportWriter(CisaTree.MissionImpact mission) {
        this.prioritizer = new Prioritizer(mission);
    }

    /** Writes {@code report} to {@code out} (UTF-8, no byte-order mark); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.getFactory().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        // Quote only the fields RFC 4180 requires it of (comma, quote, line break), not every one with punctuation.
        mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        Map<ScanReport.FindingKey, Upgrade> upgrades = report.upgradeIndex();
        try (SequenceWriter rows = mapper.writer(SCHEMA).writeValues(out)) {
            for (ScanReport.Prioritized p : report.mostUrgentFirst(prioritizer)) {
                rows.write(row(report, p, upgrades.get(ScanReport.FindingKey.of(p.finding()))));
            }
        }
        out.flush();
    }

    private static List<String> row(ScanReport report, ScanReport.Prioritized p, @Nullable Upgrade upgrade) {
        Finding f = p.finding();
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(p.priority().decision().label());
        row.add(f.severity().level().label());
        row.add(f.severity().score() == null ? "" : String.format(Locale.ROOT, "%.1f", f.severity().score()));
        row.add(report.epss(f).map(e -> String.format(Locale.ROOT, "%.5f", e.score())).orElse(""));
        var kev = report.knownExploited(f);
        row.add(kev.isPresent() ? "yes" : "no");
        row.add(kev.map(k -> k.dueDate() == null ? "" : k.dueDate().toString()).orElse(""));
        row.add(f.target());
        row.add(orEmpty(f.component().ecosystem()));
        row.add(f.component().name());
        row.add(orEmpty(f.component().version()));
        row.add(orEmpty(f.component().purl()));
        row.add(f.vulnerability().id());
        row.add(String.join(" ", f.vulnerability().aliases()));
        row.add(FindingText.fix(f));
        row.add(upgrade == null || upgrade.toVersion() == null ? "" : upgrade.toVersion());
        row.add(f.component().location().file());
        row.add(orEmpty(f.component().location().place()));
        row.add(p.priority().vector());
        row.add(orEmpty(f.vulnerability().summary()).strip());
        row.replaceAll(CsvReportWriter::defused);
        return row;
    }

    /** The cell with an apostrophe before a leading formula character, so that no spreadsheet evaluates it. */
    static String defused(String cell) {
        if (cell.isEmpty()) return cell;
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
