package org.patchgap.server.web;

import org.jspecify.annotations.Nullable;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.Teams;
import org.springframework.stereotype.Component;

/**
 * Which team a request is about. A key that is not an administrator's is limited to its own team: naming another
 * team is answered as if it did not exist, so that no key learns which teams exist.
 */
@Component
public class TeamScope {

    private final Teams teams;

    public TeamScope(Teams teams) {
        this.teams = teams;
    }

    /** The team to write to: the named one (administrators), else the caller's own. */
    public long forWrite(Caller caller, @Nullable String team) {
        long id = resolve(caller, team);
        if (!caller.canWrite(id)) throw ApiException.forbidden("this key is read-only");
        return id;
    }

    /** The team to read from, or null for "every team" (an administrator who named none). */
    public @Nullable Long forRead(Caller caller, @Nullable String team) {
        if (team == null) return caller.isAdmin() ? null : caller.teamId();
        return resolve(caller, team);
    }

    private long resolve(Caller caller, @Nullable String team) {
        if (team == null || team.equals(caller.teamName())) return caller.teamId();
        if (!caller.isAdmin()) throw ApiException.notFound("team");
        return teams.byName(team).orElseThrow(() -> ApiException.notFound("team")).id();
    }
}
