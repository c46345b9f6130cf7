package org.patchgap.formats.report;

import org.patchgap.core.model.SeverityLevel;

/** ANSI colours for terminal output, or none at all: every method returns its text unchanged when off. */
final class Ansi {

    private static final String RESET = "\u001b[0m";

    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    String bold(String text) {
        return wrap("\u001b[1m", text);
    }

    String green(String text) {
        return wrap("\u001b[32m", text);
    }

    String red(String text) {
        return wrap("\u001b[31m", text);
    }

    String severity(SeverityLevel level, String text) {
        return switch (level) {
            case CRITICAL -> wrap("\u001b[1;31m", text);
            case HIGH -> wrap("\u001b[31m", text);
            case MEDIUM -> wrap("\u001b[33m", text);
            case LOW -> wrap("\u001b[36m", text);
            case NONE, UNKNOWN -> wrap("\u001b[2m", text);
        };
    }

    private String wrap(String code, String text) {
        return on ? code + text + RESET : text;
    }
}
