package org.patchgap.cli.db;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.store.AdvisoryDatabase;
import org.patchgap.store.ConsoleProgress;
import org.patchgap.store.DatabaseException;
import org.patchgap.store.DatabaseImporter;
import org.patchgap.store.DatabaseLocation;
import org.patchgap.store.DatabaseStatus;
import org.patchgap.store.DatabaseUpdater;
import org.patchgap.store.SourceOutcome;
import org.patchgap.store.SourceRemoval;
import org.patchgap.store.SourceSettings;
import org.patchgap.store.SourceStatus;
import org.patchgap.store.UpdateReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code patchgap db update|import|status}: fills and inspects the local advisory database (docs/database.md).
 * Progress and warnings go to standard error, the summary to standard output; exit code 0 on success, 2 when
 * the database cannot be used or a source failed (its previous data is kept).
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Download, import and inspect the local advisory database (docs/database.md).",
        subcommands = {DbCommand.Update.class, DbCommand.Import.class, DbCommand.Status.class,
                DbCommand.Remove.class})
public final class DbCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int ERROR = 2;
    /** Problems listed one by one; the rest are counted. */
    static final int SHOWN_PROBLEMS = 20;

    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Database directory (default: $PATCHGAP_DB, else $XDG_DATA_HOME/patchgap, "
                    + "else ~/.local/share/patchgap).")
    @Nullable Path db;

    @Spec
    @Nullable CommandSpec spec;

    @Override
    public Integer call() {
        return fail(spec, "db: give a subcommand: update, import, status or remove (see 'patchgap db --help')");
    }

    Path directory() {
        return DatabaseLocation.resolve(db);
    }

    /** {@code patchgap db update [--source NAME]...}. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Download the sources and install a new database atomically. Sources: osv (every default "
                    + "ecosystem), osv:<Ecosystem> (e.g. osv:PyPI), kev, epss, nvd (NVD CVE API; only when named), "
                    + "csaf:<domain> (a CSAF 2.0 provider; only when named); "
                    + "none given: osv, kev and epss. URLs: PATCHGAP_OSV_URL, PATCHGAP_KEV_URL, PATCHGAP_EPSS_URL, "
                    + "PATCHGAP_OSV_ECOSYSTEMS, PATCHGAP_NVD_URL; NVD_API_KEY for NVD's faster rate limit; "
                    + "PATCHGAP_HTTP_READ_TIMEOUT_S: seconds a download may receive nothing before it is retried "
                    + "(default 60).")
    static final class Update implements Callable<Integer> {

        @ParentCommand
        @Nullable DbCommand parent;

        @Spec
        @Nullable CommandSpec spec;

        @Option(names = "--source", paramLabel = "NAME", description = "A source to update; repeatable.")
        List<String> sources = new ArrayList<>();

        @Override
        public Integer call() {
            DatabaseUpdater updater = new DatabaseUpdater(parent.directory(),
                    SourceSettings.defaults().withEnvironment(System.getenv()));
            try {
                updater.resolve(sources);
            } catch (IllegalArgumentException e) {
                return fail(spec, e.getMessage());
            }
            try {
                return summarize(spec, updater.update(sources, progress(spec)));
            } catch (DatabaseException e) {
                return fail(spec, e.getMessage());
            }
        }
    }

    /** {@code patchgap db import PATH...}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import local files: OSV records, directories or zips; CSAF documents (advisories, VEX); "
                    + "OpenVEX and CycloneDX VEX documents; NVD CVE API pages; a KEV catalog; an EPSS score file "
                    + "(.csv, .csv.gz). A directory is one source, each file read by its content.")
    static final class Import implements Callable<Integer> {

        @ParentCommand
        @Nullable DbCommand parent;

        @Spec
        @Nullable CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
        List<Path> paths = new ArrayList<>();

        @Override
        public Integer call() throws BadInputException {
            try {
                return summarize(spec, new DatabaseImporter(parent.directory()).importPaths(paths, progress(spec)));
            } catch (DatabaseException e) {
                return fail(spec, e.getMessage());
            }
        }
    }

    /** {@code patchgap db remove SOURCE...}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove sources (named as 'patchgap db status' lists them, e.g. osv:PyPI or "
                    + "import:/srv/mirror) and their records; the rest is kept and installed atomically.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        @Nullable DbCommand parent;

        @Spec
        @Nullable CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Sources to remove.")
        List<String> sources = new ArrayList<>();

        @Override
        public Integer call() {
            try {
                new SourceRemoval(parent.directory()).remove(sources, progress(spec));
            } catch (DatabaseException e) {
                return fail(spec, e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            for (String source : sources) out.println(source + ": removed");
            return OK;
        }
    }

    /** {@code patchgap db status [--max-age DAYS]}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show each source: records, problems, last update, watermark; warn when data is old.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        @Nullable DbCommand parent;

        @Spec
        @Nullable CommandSpec spec;

        @Option(names = "--max-age", paramLabel = "DAYS", defaultValue = "7",
                description = "Warn about sources not updated for this many days (default: ${DEFAULT-VALUE}).")
        int maxAgeDays;

        @Override
        public Integer call() {
            if (maxAgeDays < 0) {
                return fail(spec, "--max-age: expected a number of days, 0 or more, but was " + maxAgeDays);
            }
            try (AdvisoryDatabase db = AdvisoryDatabase.open(parent.directory())) {
                DatabaseStatus status = db.status();
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "database %s (%,d bytes, written %s)%n", status.file(), status.sizeBytes(),
                        status.created());
                // Imports are named by their path: the column is as wide as the longest name.
                int width = Math.max(28, status.sources().stream().mapToInt(s -> s.name().length()).max().orElse(0));
                String row = "%-" + width + "s %10s %9s  %-20s %s%n";
                out.printf(Locale.ROOT, row, "SOURCE", "RECORDS", "PROBLEMS", "UPDATED", "WATERMARK");
                for (SourceStatus s : status.sources()) {
                    out.printf(Locale.ROOT, "%-" + width + "s %,10d %,9d  %-20s %s%s%n", s.name(), s.records(),
                            s.problems(),
                            s.lastUpdated() == null ? "never" : s.lastUpdated().truncatedTo(ChronoUnit.SECONDS).toString(),
                            s.watermark() == null ? "" : s.watermark(),
                            s.lastError() == null ? "" : "  (last attempt failed: " + s.lastError() + ")");
                }
                out.printf(Locale.ROOT, "advisories by ecosystem: %s; KEV entries: %,d; EPSS scores: %,d%n",
                        byEcosystem(status.advisoriesByEcosystem()), status.kevEntries(), status.epssScores());
                for (SourceStatus s : status.stale(Duration.ofDays(maxAgeDays), Instant.now())) {
                    // A source that never succeeded is not "old": saying so would hide why it has no data.
                    spec.commandLine().getErr().println("patchgap: warning: source " + s.name()
                            + (s.lastUpdated() == null ? " has never been updated successfully"
                                    : " is older than " + maxAgeDays + " days")
                            + "; run 'patchgap db update'");
                }
                return OK;
            } catch (DatabaseException e) {
                return fail(spec, e.getMessage());
            } catch (java.io.IOException e) {
                return fail(spec, "cannot close the database: " + e.getMessage());
            }
        }
    }

    /**
     * {@code PyPI 2,664, npm 3, no package 58}: largest first; records that name no package (CSAF products
     * with neither purl nor CPE) are counted under the empty ecosystem, which a reader would not recognise.
     */
    static String byEcosystem(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().isEmpty() ? "no package" : e.getKey(),
                        e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static ConsoleProgress progress(CommandSpec spec) {
        return new ConsoleProgress(spec.commandLine().getErr(), System.console() != null);
    }

    private static int summarize(CommandSpec spec, UpdateReport report) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (SourceOutcome s : report.sources()) {
            out.println(s.name() + ": " + s.summary());
            List<Problem> problems = s.problems();
            for (int i = 0; i < Math.min(SHOWN_PROBLEMS, problems.size()); i++) {
                err.println("patchgap: warning: " + s.name() + ": " + warning(problems.get(i)));
            }
            if (problems.size() > SHOWN_PROBLEMS) {
                err.println("patchgap: warning: " + s.name() + ": ... and " + (problems.size() - SHOWN_PROBLEMS)
                        + " more");
            }
            if (s.state() == SourceOutcome.State.UPDATED && s.records() == 0) {
                // An import of the wrong directory or file must not pass unnoticed: the source is now empty.
                err.println("patchgap: warning: " + s.name() + ": no advisory record found; the source is now empty");
            }
        }
        out.println("database: " + report.database());
        out.flush();
        return report.anyFailed() ? ERROR : OK;
    }

    /** {@code <file>: <place>: <what>}, as every other warning of the command line (docs/cli.md). */
    static String warning(Problem problem) {
        String place = problem.location().place();
        return problem.location().file() + (place == null || place.isEmpty() ? "" : ": " + place) + ": "
                + problem.message();
    }

    private static int fail(CommandSpec spec, String message) {
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("patchgap: " + message);
        return ERROR;
    }
}
