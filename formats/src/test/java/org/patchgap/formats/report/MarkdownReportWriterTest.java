package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.priority.CisaTree;

/**
 * The Markdown report: a golden file, and a CommonMark parser with GitHub's table extension (commonmark-java) as
 * the oracle that every row keeps its seven cells and input text stays inert, whatever the input holds.
 */
class MarkdownReportWriterTest {

    private static final List<Extension> TABLES = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(TABLES).build();

    private static String markdown(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MarkdownReportWriter(CisaTree.MissionImpact.MEDIUM).write(report, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/reports/scan.md")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(markdown(ReportFixtures.vexReport())).isEqualTo(golden);
    }

    /** Cells of every table row, as the parser splits them. */
    private static List<List<String>> rows(String markdown) {
        List<List<String>> rows = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow row) {
                    List<String> cells = new ArrayList<>();
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) cells.add(text(c));
                    }
                    rows.add(cells);
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock node) {
                visitChildren(node);
            }
        });
        return rows;
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString();
    }

    @Test
    void everyRowHasSevenCellsAndInputTextStaysInert() throws IOException {
        Vulnerability v = new Vulnerability("GHSA-aaaa-bbbb-cccc", List.of("CVE-2099-7"), "summary", null, null, null,
                List.of(), List.of(), List.of("javascript:alert(1)", "https://example.com/advisory(1)"), "t.json");
        Component evil = new Component("npm", "@angular/core|<img src=x onerror=alert(1)>`tick`", "1.0.0 | 2", null,
                new Location("package-lock.json", "line 3"));
        Finding f = new Finding("app", evil, v, Severity.UNKNOWN, "range", List.of("1.0.1"), true);
        String md = markdown(new ScanReport(List.of(f, ReportFixtures.LOG4SHELL), List.of(), List.of(),
                ReportFixtures.SUMMARY));
        List<List<String>> rows = rows(md);
        assertThat(rows).hasSize(3).allSatisfy(cells -> assertThat(cells).hasSize(7));
        assertThat(rows.get(0)).containsExactly("Priority", "Severity", "Package", "Version", "Vulnerability", "Fix", "Target");
        List<String> evilRow = rows.stream().filter(r -> r.get(4).startsWith("CVE-2099-7")).findFirst().orElseThrow();
        assertThat(evilRow.get(2)).isEqualTo("@angular/core|<img src=x onerror=alert(1)>`tick`");
        assertThat(evilRow.get(3)).isEqualTo("1.0.0 | 2");
        String html = HtmlRenderer.builder().extensions(TABLES).build().render(PARSER.parse(md));
        assertThat(html).doesNotContain("<img").doesNotContain("javascript:")
                .contains("<code>@angular/core|&lt;img src=x onerror=alert(1)&gt;`tick`</code>")
                .contains("href=\"https://example.com/advisory%281%29\"");
    }

    @Test
    void codeSpansOutlastTheBackticksInside() {
        assertThat(MarkdownReportWriter.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownReportWriter.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownReportWriter.code("two\n lines")).isEqualTo("`two lines`");
    }

    @Test
    void rowsStopBeforeGitHubsCommentLimitAndSaySo() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(new Finding("app", new Component("npm", "package-" + i, "1.0." + i, null, Location.of("lock")),
                    new Vulnerability("GHSA-" + i, List.of(), null, null, null, null, List.of(), List.of(), List.of(), "t"),
                    Severity.UNKNOWN, "range", List.of(), true));
        }
        String md = new MarkdownReportWriter(CisaTree.MissionImpact.MEDIUM)
                .render(new ScanReport(many, List.of(), List.of(), ReportFixtures.SUMMARY));
        assertThat(md.length()).isLessThan(65_536);
        assertThat(md).containsPattern("_[0-9,]+ more findings not shown \\(GitHub's comment size limit\\)");
        assertThat(rows(md).size() - 1 + Integer.parseInt(md.replaceAll("(?s).*\n_([0-9,]+) more.*", "$1")
                .replace(",", ""))).isEqualTo(2000);
    }

    @Test
    void aCleanScanSaysSo() {
        String md = new MarkdownReportWriter(CisaTree.MissionImpact.MEDIUM)
                .render(new ScanReport(List.of(), List.of(), List.of(), ReportFixtures.SUMMARY));
        assertThat(md).isEqualTo("### Patchgap: no known vulnerabilities\n\n"
                + "Scanned 2 targets, 9 components, 11 advisory records.\n");
    }
}
