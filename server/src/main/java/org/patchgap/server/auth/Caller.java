package org.patchgap.server.auth;

/**
 * Who is asking: the API key that authenticated the request (0 for a signed-in user), its team, its role, and
 * who that is in words for the records a decision leaves ({@code key ci-upload}, {@code user alice}).
 */
public record Caller(long keyId, long teamId, String teamName, Role role, String principal) {

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
