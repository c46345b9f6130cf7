package org.patchgap.store;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows an update's progress on a terminal: on a TTY one line per source redrawn in place with a bar
 * ({@code osv:PyPI  [#########           ]  45%  4.1 MB/9.0 MB}); otherwise (a pipe, a CI log) plain lines, one when a
 * download starts, one per quarter done, one when it ends.
 */
public final class ConsoleProgress implements ProgressListener {

    private static final int BAR = 24;

    private final PrintWriter out;
    private final boolean tty;
    private String current = "";
    private int lastQuarter = -1;
    private long lastDraw;
    private boolean lineOpen;

    public ConsoleProgress(PrintStream out, boolean tty) {
        this(new PrintWriter(out, true), tty);
    }

    /** Writes to {@code out}; {@code tty}: whether it is an interactive terminal (a bar redrawn in place). */
    public ConsoleProgress(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    /** On standard error, as a bar when standard output is a terminal ({@link System#console()}). */
    public static ConsoleProgress forStandardError() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void started(String source, String action) {
        endLine();
        current = source;
        lastQuarter = -1;
        out.println(source + ": " + action);
    }

    @Override
    public synchronized void transferred(String source, long bytes, long total) {
        if (tty) {
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && bytes != total) {
                return; // ten redraws a second are plenty
            }
            lastDraw = now;
            out.print("\r" + bar(source, bytes, total));
            out.flush();
            lineOpen = true;
        } else if (total > 0) {
            int quarter = (int) (bytes * 4 / total);
            if (quarter != lastQuarter && quarter > 0) {
                lastQuarter = quarter;
                out.println(source + ": " + quarter * 25 + "% of " + size(total));
            }
        }
    }

    @Override
    public synchronized void finished(String source, String outcome) {
        endLine();
        out.println(source + ": " + outcome);
    }

    @Override
    public synchronized void note(String text) {
        endLine();
        out.println(text);
    }

    static String bar(String source, long bytes, long total) {
        if (total <= 0) {
            return String.format(Locale.ROOT, "%-16s %s", source, size(bytes));
        }
        int filled = (int) Math.min(BAR, bytes * BAR / total);
        return String.format(Locale.ROOT, "%-16s [%s%s] %3d%%  %s/%s", source, "#".repeat(filled),
                " ".repeat(BAR - filled), bytes * 100 / total, size(bytes), size(total));
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
