package org.patchgap.cli;

/** The exit codes of every command: a stable contract that scripts and CI depend on (docs/cli.md). */
final class ExitCodes {

    /** Nothing at or above the threshold; or a command that succeeded. */
    static final int OK = 0;
    /** A scan found vulnerabilities at or above the {@code --fail-on} threshold. */
    static final int FINDINGS = 1;
    /** Usage error, or input that cannot be used (missing or malformed file, invalid version). */
    static final int ERROR = 2;

    private ExitCodes() {}
}
