package org.patchgap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.VersionScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code patchgap version compare ECOSYSTEM [A B]}: prints exactly {@code <}, {@code =} or {@code >}. Without
 * A and B it reads {@code A<TAB>B} lines from standard input and answers each on its own line, in order; a line
 * it cannot use gets {@code !} (and a message on standard error), the batch goes on and the exit code is 2.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two versions in ECOSYSTEM's order; prints exactly one of <, =, >.",
                "Without A and B: read A<TAB>B lines from standard input, print one result per line in order, "
                        + "and '!' (with a message on standard error) for a line that cannot be compared; exit code 2 then."})
final class VersionCompareCommand implements Callable<Integer> {

    private static final String STDIN = "<stdin>";

    private final Io io;

    @Parameters(index = "0", paramLabel = "ECOSYSTEM", description = "OSV ecosystem name: Maven, npm, PyPI, Debian, ... (case ignored).")
    String ecosystem;

    @Parameters(index = "1", arity = "0..2", paramLabel = "VERSION", description = "The two versions A and B.")
    List<String> versions = new ArrayList<>();

    VersionCompareCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws UsageException, InvalidVersionException, IOException {
        VersionScheme scheme = Schemes.of(ecosystem);
        if (versions.size() == 1) {
            throw new UsageException("version compare: give two versions A B, or none to read A<TAB>B lines from standard input");
        }
        if (versions.size() == 2) {
            io.out().println(symbol(scheme.compare(versions.get(0), versions.get(1))));
            return ExitCodes.OK;
        }
        return batch(scheme);
    }

    private int batch(VersionScheme scheme) throws IOException {
        boolean failed = false;
        BufferedReader lines = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String[] pair = line.split("\t", -1);
            String result;
            if (pair.length != 2) {
                result = null;
                io.err().println("patchgap: " + STDIN + ": line " + number + ": expected two versions separated by a tab, got '"
                        + ErrorMessages.oneLine(line) + "'");
            } else {
                try {
                    result = symbol(scheme.compare(pair[0].strip(), pair[1].strip()));
                } catch (InvalidVersionException e) {
                    result = null;
                    io.err().println("patchgap: " + STDIN + ": line " + number + ": " + e.getMessage());
                }
            }
            if (result == null) {
                failed = true;
                io.out().println("!");
            } else {
                io.out().println(result);
            }
        }
        return failed ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private static String symbol(int comparison) {
        return comparison < 0 ? "<" : comparison == 0 ? "=" : ">";
    }
}
