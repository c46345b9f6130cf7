package org.patchgap.core.priority;

import java.util.Locale;
import java.util.Optional;

/** CISA's SSVC outcomes, lowest first, so that the natural order sorts by urgency. */
public enum Decision {
    /** No action now; remediate within standard update timelines. */
    TRACK("Track"),
    /** Characteristics that need closer monitoring; standard update timelines. */
    TRACK_STAR("Track*"),
    /** Supervisory attention; remediate sooner than standard timelines. */
    ATTEND("Attend"),
    /** Leadership attention; remediate as soon as possible. */
    ACT("Act");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** As CISA writes it: {@code Track}, {@code Track*}, {@code Attend}, {@code Act}. */
    public String label() {
        return label;
    }

    /** {@code act}, {@code attend}, {@code track*} (or {@code track-star}), {@code track}; any case. */
    public static Optional<Decision> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Decision d : values()) {
            if (d.label.toLowerCase(Locale.ROOT).equals(t)) return Optional.of(d);
        }
        return t.equals("track-star") || t.equals("trackstar") ? Optional.of(TRACK_STAR) : Optional.empty();
    }
}
