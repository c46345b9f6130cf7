package org.patchgap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code patchgap version sort ECOSYSTEM}: reads versions one per line and prints them in ascending order.
 * Versions the ecosystem treats as equal keep their input order. Any invalid version: every one is named on
 * standard error, nothing is printed, exit code 2.
 */
@Command(name = "sort", mixinStandardHelpOptions = true,
        description = "Read versions one per line from standard input and print them in ascending ECOSYSTEM order "
                + "(equal versions keep their input order; blank lines are ignored).")
final class VersionSortCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "OSV ecosystem name: Maven, npm, PyPI, Debian, ... (case ignored).")
    String ecosystem;

    VersionSortCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws UsageException, IOException {
        VersionScheme scheme = Schemes.of(ecosystem);
        List<Version> versions = new ArrayList<>();
        boolean failed = false;
        BufferedReader lines = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty()) continue;
            try {
                versions.add(scheme.parse(text));
            } catch (InvalidVersionException e) {
                failed = true;
                io.err().println("patchgap: <stdin>: line " + number + ": " + e.getMessage());
            }
        }
        if (failed) return ExitCodes.ERROR;
        versions.sort(Comparator.naturalOrder()); // List.sort is stable: equal versions keep their order
        for (Version version : versions) io.out().println(version.text());
        return ExitCodes.OK;
    }
}
