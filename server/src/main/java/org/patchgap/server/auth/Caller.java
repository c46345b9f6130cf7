package org.patchgap.server.auth;

/**
 * Who is asking: the API key that authenticated the request (0 for a signed-in user), its team, its role, and
 * who that is in words for the records a decision leaves ({@code key ci-upload}, {@code user alice}). A reporter
 * who follows up on a report with its secret token is a caller of no team (id 0: no team's data is theirs),
 * read-only in the fleet, and the reporter of exactly one case, {@code reportCase}.
 */
public record Caller(long keyId, long teamId, String teamName, Role role, String principal,
        @org.jspecify.annotations.Nullable String reportCase) {

    public Caller(long keyId, long teamId, String teamName, Role role, String principal) {
        this(keyId, teamId, teamName, role, principal, null);
    }

    public boolean isReporter() {
        return reportCase != null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see targets and findings of the team. */
    public boolean canRead(long team) {
        return isAdmin() || teamId == team;
    }

    /** Whether this caller may upload to, or remove, targets of the team. */
    public boolean canWrite(long team) {
        return role.canWrite() && canRead(team);
    }
}
