package org.patchgap.cli;

import java.util.Locale;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.priority.Decision;
import picocli.CommandLine;

/**
 * The {@code --fail-on} threshold of {@code scan}: which findings make the exit code 1.
 * {@code any} (the default) counts every finding, whatever its severity, including unknown and none;
 * {@code low} .. {@code critical} count findings at or above that severity; {@code track}, {@code track*},
 * {@code attend}, {@code act} count findings at or above that SSVC priority; {@code none} never fails.
 */
enum FailOn {
    ANY(null, null), LOW(SeverityLevel.LOW, null), MEDIUM(SeverityLevel.MEDIUM, null), HIGH(SeverityLevel.HIGH, null),
    CRITICAL(SeverityLevel.CRITICAL, null), NONE(null, null),
    TRACK(null, Decision.TRACK), TRACK_STAR(null, Decision.TRACK_STAR), ATTEND(null, Decision.ATTEND),
    ACT(null, Decision.ACT);

    private final SeverityLevel severity;
    private final Decision priority;

    FailOn(SeverityLevel severity, Decision priority) {
        this.severity = severity;
        this.priority = priority;
    }

    boolean fails(SeverityLevel level, Decision decision) {
        if (this == ANY) return true;
        if (this == NONE) return false;
        return priority != null ? decision.compareTo(priority) >= 0 : level.compareTo(severity) >= 0;
    }

    /** Reads {@code --fail-on}: a severity, a priority as CISA writes it ({@code track*} too), any or none. */
    static final class Converter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT);
            if (v.equals("TRACK*")) return TRACK_STAR;
            try {
                return FailOn.valueOf(v.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected any, low, medium, high, critical, none, "
                        + "track, track*, attend or act, found '" + value + "'");
            }
        }
    }
}
