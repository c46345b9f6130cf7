package org.patchgap.server.findings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.NotAffectedStatement;

/**
 * A decision about one finding, as a team records it (docs/server.md, "Analysis"):
 *
 * <ul>
 *   <li>{@code not_affected}: the component is there but the flaw cannot be reached; a CSAF/OpenVEX justification
 *       is required ({@code vulnerable_code_not_in_execute_path} ...);
 *   <li>{@code accepted_risk}: the team knows and will not fix now; an {@code until} date is required, after
 *       which the decision lapses and the finding counts again;
 *   <li>{@code false_positive}: the match is wrong (another package of the same name, a mislabelled version);
 *   <li>{@code none}: an earlier decision withdrawn.
 * </ul>
 *
 * Every state needs a {@code detail} (why), except {@code none}. A finding stays open whatever is decided: the
 * analysis says how to read it, the next upload or advisory still decides whether it exists.
 */
public record Analysis(String state, @Nullable String justification, String detail, @Nullable LocalDate until,
        String decidedBy, Instant decidedAt) {

    public static final List<String> STATES = List.of("not_affected", "accepted_risk", "false_positive", "none");

    public Analysis {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** Whether an accepted risk has passed its date on {@code today} (it holds through the date). */
    public boolean lapsedOn(LocalDate today) {
        return state.equals("accepted_risk") && until != null && today.isAfter(until);
    }

    /** Whether the decision takes the finding out of the exposed ones on {@code today}. */
    public boolean inForceOn(LocalDate today) {
        return !state.equals("none") && !lapsedOn(today);
    }

    /**
     * A request checked: the state known, a justification exactly for {@code not_affected} and one of CSAF's,
     * a date exactly for {@code accepted_risk} and not in the past, a detail of at most 4,000 characters.
     *
     * @throws IllegalArgumentException with a message for the caller
     */
    public static Analysis checked(@Nullable String state, @Nullable String justification, @Nullable String detail,
            @Nullable String until, String decidedBy, Instant decidedAt, LocalDate today) {
        if (state == null || !STATES.contains(state)) {
            throw new IllegalArgumentException("state must be one of " + String.join(", ", STATES));
        }
        String why = detail == null ? "" : detail.strip();
        if (why.isEmpty() && !state.equals("none")) throw new IllegalArgumentException("detail is required: say why");
        if (why.length() > 4000) throw new IllegalArgumentException("detail is longer than 4,000 characters");
        String label = justification == null || justification.isBlank() ? null : justification.strip().toLowerCase(Locale.ROOT);
        if (state.equals("not_affected")) {
            if (label == null || NotAffectedStatement.Justification.ofLabel(label) == null) {
                throw new IllegalArgumentException("not_affected needs a justification: component_not_present, "
                        + "vulnerable_code_not_present, vulnerable_code_cannot_be_controlled_by_adversary, "
                        + "vulnerable_code_not_in_execute_path or inline_mitigations_already_exist");
            }
        } else if (label != null) {
            throw new IllegalArgumentException("a justification belongs to not_affected only");
        }
        LocalDate date = null;
        if (until != null && !until.isBlank()) {
            try {
                date = LocalDate.parse(until.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("until must be a date, YYYY-MM-DD: " + until);
            }
        }
        if (state.equals("accepted_risk")) {
            if (date == null) throw new IllegalArgumentException("accepted_risk needs an until date (YYYY-MM-DD)");
            if (date.isBefore(today)) throw new IllegalArgumentException("until " + date + " is in the past");
        } else if (date != null) {
            throw new IllegalArgumentException("an until date belongs to accepted_risk only");
        }
        return new Analysis(state, label, why, date, decidedBy, decidedAt);
    }
}
