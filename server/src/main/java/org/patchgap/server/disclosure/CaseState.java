package org.patchgap.server.disclosure;

import java.util.Locale;

/**
 * Where a case is: {@code reported} (waiting for triage), {@code accepted} (coordinated under embargo),
 * {@code published} (its advisory out), or closed at triage as {@code declined} or {@code duplicate}.
 */
public enum CaseState {
    REPORTED, ACCEPTED, PUBLISHED, DECLINED, DUPLICATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the case is still under embargo: nothing of it is public. */
    public boolean embargoed() {
        return this == REPORTED || this == ACCEPTED;
    }
}
