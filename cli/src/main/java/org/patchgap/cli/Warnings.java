package org.patchgap.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.model.Problem;
import org.patchgap.formats.report.ScanSummary;
import org.patchgap.formats.report.TableReportWriter;

/**
 * Warnings on standard error, never mixed into a report on standard output: one summary line of what was
 * skipped or ignored, then one line per problem, at most {@link #MAX_LINES} (the report's {@code problems}
 * has them all).
 */
final class Warnings {

    static final int MAX_LINES = 20;

    private Warnings() {}

    static void print(PrintStream err, ScanSummary s, List<Problem> problems) {
        List<String> parts = new ArrayList<>();
        count(parts, s.skippedAdvisories(), "advisory record", "advisory records", "skipped");
        count(parts, s.droppedRanges(), "advisory range", "advisory ranges", "dropped (invalid version)");
        count(parts, s.withdrawn(), "withdrawn advisory", "withdrawn advisories", "ignored");
        count(parts, s.gitRanges(), "GIT range", "GIT ranges", "not matched (commits, not versions)");
        count(parts, s.skippedFiles(), "file", "files", "skipped");
        // Inventory readers' problems: skipped components, and entries such as a qfe.csv line that is no KB update.
        count(parts, s.skippedComponents(), "inventory entry", "inventory entries", "skipped");
        count(parts, s.componentsUnmatchable(), "component", "components", "not matchable (no ecosystem or version)");
        printSummary(err, parts);
        printProblems(err, problems);
    }

    static void printInventory(PrintStream err, int skippedComponents, int skippedFiles, List<Problem> problems) {
        List<String> parts = new ArrayList<>();
        count(parts, skippedFiles, "file", "files", "skipped");
        count(parts, skippedComponents, "inventory entry", "inventory entries", "skipped");
        printSummary(err, parts);
        printProblems(err, problems);
    }

    private static void printSummary(PrintStream err, List<String> parts) {
        if (!parts.isEmpty()) err.println("patchgap: warning: " + String.join("; ", parts));
    }

    private static void printProblems(PrintStream err, List<Problem> problems) {
        int shown = Math.min(problems.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) err.println(ErrorMessages.warning(problems.get(i)));
        if (problems.size() > shown) {
            err.println("patchgap: warning: ... and " + TableReportWriter.count(problems.size() - shown) + " more (all are in the JSON report's \"problems\")");
        }
    }

    private static void count(List<String> parts, int n, String one, String many, String what) {
        if (n > 0) parts.add(TableReportWriter.count(n) + " " + (n == 1 ? one : many) + " " + what);
    }
}
