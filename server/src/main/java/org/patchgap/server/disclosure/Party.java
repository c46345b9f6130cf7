package org.patchgap.server.disclosure;

/**
 * A side of a case: its coordinators (the coordinator team that took it), a vendor (an invited team), or its
 * reporter. What a caller sees of a case follows from the party they are (docs/disclosure.md, "who sees what").
 *
 * @param kind   which side
 * @param teamId the team of a coordinator or vendor; 0 for the reporter
 */
public record Party(Kind kind, long teamId) {

    public enum Kind { COORDINATOR, VENDOR, REPORTER }

    public static final Party REPORTER = new Party(Kind.REPORTER, 0);

    public static Party coordinator(long teamId) {
        return new Party(Kind.COORDINATOR, teamId);
    }

    public static Party vendor(long teamId) {
        return new Party(Kind.VENDOR, teamId);
    }

    public boolean isCoordinator() {
        return kind == Kind.COORDINATOR;
    }

    /**
     * How messages and audit entries name the party: {@code coordinator}, {@code reporter}, {@code vendor:<team id>}.
     * All coordinators of a case are one party (their private notes are shared among them).
     */
    public String code() {
        return switch (kind) {
            case COORDINATOR -> "coordinator";
            case REPORTER -> "reporter";
            case VENDOR -> "vendor:" + teamId;
        };
    }
}
