package org.patchgap.cli.advisories;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.patchgap.store.ConsoleProgress;
import org.patchgap.store.DatabaseLocation;
import org.patchgap.store.MsrcCvrfDownloader;
import org.patchgap.store.MsrcDownloadException;
import org.patchgap.store.MsrcMonths;
import org.patchgap.store.SourceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patchgap advisories msrc MONTH... [--to DIR] [--url BASE]}: downloads the Security Update Guide's CVRF
 * document of each month into DIR as {@code <yyyy-MMM>.xml}. One line per month installed on standard output,
 * errors and progress on standard error; exit code 0 when every month was installed, 2 otherwise (the months
 * that did download are kept; a month that failed keeps its previous file).
 */
@Command(name = "msrc", mixinStandardHelpOptions = true,
        description = "Download Microsoft Security Update Guide CVRF documents by month (e.g. 2017-Mar, "
                + "2017-03, 2017-Mar..2017-May) from the MSRC API into DIR as <yyyy-MMM>.xml.")
final class MsrcCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int ERROR = 2;

    @Spec
    @Nullable CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MONTH", description = "A month (2017-Mar, 2017-03) or a range "
            + "(2017-Mar..2017-May).")
    List<String> months = new ArrayList<>();

    @Option(names = "--to", paramLabel = "DIR", description = "Directory to download into (default: msrc/ in "
            + "the database directory: $PATCHGAP_DB, else $XDG_DATA_HOME/patchgap, else ~/.local/share/patchgap).")
    @Nullable Path to;

    @Option(names = "--url", paramLabel = "BASE", description = "API base; a month is BASE/<yyyy-MMM> (default: "
            + "$PATCHGAP_MSRC_URL, else https://api.msrc.microsoft.com/cvrf/v3.0/cvrf/).")
    @Nullable String url;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<YearMonth> wanted = new LinkedHashSet<>();
        URI base;
        try {
            for (String m : months) wanted.addAll(MsrcMonths.parse(m));
            base = MsrcCvrfDownloader.baseUrl(url, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("patchgap: " + e.getMessage());
            return ERROR;
        }
        if (!base.isAbsolute()) {
            err.println("patchgap: --url " + base + ": expected an absolute http(s) URL");
            return ERROR;
        }
        Path directory = to != null ? to.toAbsolutePath().normalize()
                : DatabaseLocation.resolve(null).resolve("msrc");
        MsrcCvrfDownloader msrc = new MsrcCvrfDownloader(base, SourceSettings.defaults());
        ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
        int failed = 0;
        for (YearMonth month : wanted) {
            try {
                MsrcCvrfDownloader.Download d = msrc.download(month, directory, progress);
                out.printf(Locale.ROOT, "%s: %,d Windows vulnerabilities%s, %,d bytes -> %s%n",
                        MsrcMonths.id(month), d.vulnerabilities(),
                        d.problems() == 0 ? "" : String.format(Locale.ROOT, " (%,d records skipped)", d.problems()),
                        d.bytes(), d.file());
                out.flush();
            } catch (MsrcDownloadException e) {
                out.flush();
                err.println("patchgap: " + e.getMessage());
                failed++;
            }
        }
        out.println("advisories: " + directory + " (" + (wanted.size() - failed) + " of " + wanted.size()
                + " months; scan with: patchgap scan --advisories " + directory + " HOST-EXPORT...)");
        out.flush();
        return failed == 0 ? OK : ERROR;
    }
}
