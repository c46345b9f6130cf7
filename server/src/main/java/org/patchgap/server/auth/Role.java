package org.patchgap.server.auth;

/**
 * What a key may do. An administrator sees and changes everything; a team member reads and writes its own
 * team's targets; a read-only key reads its own team's targets.
 */
public enum Role {
    ADMIN, MEMBER, READONLY;

    public boolean canWrite() {
        return this != READONLY;
    }
}
