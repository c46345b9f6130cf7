package org.patchgap.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process's streams and environment, passed to every command so that tests can run a command in-process
 * with captured output.
 *
 * @param in       standard input
 * @param out      standard output (reports)
 * @param err      standard error (warnings and errors)
 * @param env      environment variables ({@code NO_COLOR}, {@code PATCHGAP_DEBUG})
 * @param terminal whether standard output is an interactive terminal (colour is used only then)
 */
record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {

    Io {
        env = Map.copyOf(env);
    }

    /** Whether the output may carry ANSI colour: a terminal, and no {@code NO_COLOR} (no-color.org) set. */
    boolean colour() {
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty());
    }
}
