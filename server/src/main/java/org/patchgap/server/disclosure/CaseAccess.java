package org.patchgap.server.disclosure;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.auth.Caller;

/**
 * Who takes part in which case, as one SQL condition: every read of cases goes through it, so that a case a caller
 * does not take part in is never loaded for them (not counted, not listed, and looked up by the same query as a
 * case that does not exist, which answers alike).
 *
 * <ul>
 *   <li>the coordinator team that took the case; before triage, every coordinator team</li>
 *   <li>every team invited as a vendor</li>
 *   <li>the reporter, by their follow-up token</li>
 * </ul>
 *
 * Server administrators are not participants by their role: they manage accounts, not embargoed flaws (ADR 0015).
 */
final class CaseAccess {

    private CaseAccess() {}

    /** The condition on {@code c} (a {@code disclosure_case}); its arguments are {@link #arguments}. */
    static final String VISIBLE = "(c.coordinator_team_id = ? "
            + "OR (c.state = 'reported' AND EXISTS (SELECT 1 FROM team ct WHERE ct.id = ? AND ct.coordinator)) "
            + "OR EXISTS (SELECT 1 FROM case_vendor cv WHERE cv.case_id = c.id AND cv.team_id = ?) "
            + "OR c.public_id = ?)";

    static List<Object> arguments(Caller caller) {
        long team = caller.isReporter() ? -1 : caller.teamId();
        return java.util.Arrays.asList(team, team, team, caller.reportCase());
    }

    /** The party the caller is in a case they can see (the condition above held). */
    static @Nullable Party partyOf(Caller caller, DisclosureCase c, boolean coordinatorTeam, boolean invitedVendor) {
        if (caller.isReporter()) return c.publicId().equals(caller.reportCase()) ? Party.REPORTER : null;
        if (c.coordinatorTeamId() != null ? c.coordinatorTeamId() == caller.teamId()
                : c.state() == CaseState.REPORTED && coordinatorTeam) {
            return Party.coordinator(caller.teamId());
        }
        if (invitedVendor) return Party.vendor(caller.teamId());
        return null;
    }
}
