package org.patchgap.cli;

import org.patchgap.core.model.SeverityLevel;

/**
 * The {@code --fail-on} threshold of {@code scan}: which findings make the exit code 1.
 * {@code any} (the default) counts every finding, whatever its severity, including unknown and none;
 * {@code low} .. {@code critical} count findings at or above that level; {@code none} never fails.
 */
enum FailOn {
    ANY(null), LOW(SeverityLevel.LOW), MEDIUM(SeverityLevel.MEDIUM), HIGH(SeverityLevel.HIGH),
    CRITICAL(SeverityLevel.CRITICAL), NONE(null);

    private final SeverityLevel threshold;

    FailOn(SeverityLevel threshold) {
        this.threshold = threshold;
    }

    boolean fails(SeverityLevel level) {
        if (this == ANY) return true;
        if (this == NONE) return false;
        return level.compareTo(threshold) >= 0;
    }
}
