package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.testing.CanonicalTools;

/** The CSV report: a golden file, read back by Python's csv module, and cells a spreadsheet would run defused. */
class CsvReportWriterTest {

    @TempDir
    Path dir;

    private static String csv(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvReportWriter(CisaTree.MissionImpact.MEDIUM).write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/reports/scan.csv")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(csv(ReportFixtures.vexReport())).isEqualTo(golden);
    }

    /** A summary with a comma, quotes and a line break, and a package name that is a formula. */
    private static ScanReport hostile() {
        Vulnerability v = new Vulnerability("GHSA-xxxx-yyyy-zzzz", List.of("CVE-2099-1", "PYSEC-2099-1"),
                "Says \"hi\", then\nbreaks the line", null, null, null, List.of(), List.of(), List.of(), "t.json");
        Component c = new Component("npm", "=HYPERLINK(\"https://evil.example\")", "1.0.0", null,
                new Location("package-lock.json", "line 7"));
        Finding f = new Finding("app, the shop", c, v, Severity.UNKNOWN, "range", List.of("1.0.1"), true);
        return new ScanReport(List.of(f), List.of(), List.of(), ReportFixtures.SUMMARY);
    }

    @Test
    void pythonsCsvModuleReadsBackEveryFieldAndAFormulaIsText() throws Exception {
        CanonicalTools.require("Python 3", "python3", "-c", "import csv");
        Path file = dir.resolve("scan.csv");
        Files.writeString(file, csv(hostile()));
        Process p = new ProcessBuilder("python3", "-c", """
                import csv, json, sys
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    print(json.dumps(list(csv.reader(f))))
                """, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertThat(rows).as(out).hasSize(2);
        List<String> header = new java.util.ArrayList<>();
        rows.get(0).forEach(n -> header.add(n.asText()));
        assertThat(header).isEqualTo(CsvReportWriter.COLUMNS);
        var row = rows.get(1);
        assertThat(row).hasSize(CsvReportWriter.COLUMNS.size());
        java.util.function.Function<String, String> field = name -> row.get(header.indexOf(name)).asText();
        assertThat(field.apply("package")).isEqualTo("'=HYPERLINK(\"https://evil.example\")");
        assertThat(field.apply("summary")).isEqualTo("Says \"hi\", then\nbreaks the line");
        assertThat(field.apply("target")).isEqualTo("app, the shop");
        assertThat(field.apply("aliases")).isEqualTo("CVE-2099-1 PYSEC-2099-1");
        assertThat(field.apply("fix")).isEqualTo("1.0.1");
        assertThat(field.apply("kev")).isEqualTo("no");
        assertThat(field.apply("priority")).isEqualTo("Track");
    }

    @Test
    void everyFormulaStartIsDefused() {
        for (String start : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvReportWriter.defused(start + "1+1")).isEqualTo("'" + start + "1+1");
        }
        assertThat(CsvReportWriter.defused("pkg:npm/a@1")).isEqualTo("pkg:npm/a@1");
        assertThat(CsvReportWriter.defused("")).isEmpty();
    }
}
