package org.patchgap.cli;

import java.util.regex.Pattern;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import picocli.CommandLine;

/**
 * Turns every failure into the one line the command-line contract promises:
 * {@code patchgap: <file>: <place>: <what>} for bad input, {@code patchgap: <what>} otherwise.
 */
final class ErrorMessages {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private ErrorMessages() {}

    static String of(Throwable e) {
        if (e instanceof BadInputException bad) {
            return "patchgap: " + place(bad.location()) + ": " + oneLine(reason(bad));
        }
        if (e instanceof CommandLine.ParameterException p) {
            return "patchgap: " + oneLine(p.getMessage()) + " (see '" + p.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')";
        }
        if (e instanceof UsageException || e instanceof org.patchgap.core.version.InvalidVersionException) {
            return "patchgap: " + oneLine(e.getMessage());
        }
        return "patchgap: internal error: " + oneLine(String.valueOf(e)) + " (rerun with --debug for the stack trace)";
    }

    /** {@code <file>: <place>} or just {@code <file>}. */
    static String place(Location location) {
        String place = location.place();
        return place == null || place.isEmpty() ? location.file() : location.file() + ": " + place;
    }

    /** A warning line for a skipped record. */
    static String warning(Problem problem) {
        return "patchgap: warning: " + place(problem.location()) + ": " + oneLine(problem.message());
    }

    /** The exception's own words, without the location its message starts with. */
    static String reason(BadInputException e) {
        return e.reason();
    }

    static String oneLine(String text) {
        return LINE_BREAKS.matcher(String.valueOf(text).strip()).replaceAll(" ");
    }
}
