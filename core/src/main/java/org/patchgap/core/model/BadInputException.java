package org.patchgap.core.model;

/**
 * Input that cannot be used at all (a missing file, malformed JSON or XML): the message names the file and the
 * place (JSON pointer or line), and what was expected. The CLI prints it on one line and exits with 2.
 */
public final class BadInputException extends Exception {

    private final Location location;
    private final String reason;

    public BadInputException(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
        this.reason = message;
    }

    public BadInputException(Location location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
        this.reason = message;
    }

    public Location location() {
        return location;
    }

    /** What is wrong, without the location: for a {@link Problem} that carries the location itself. */
    public String reason() {
        return reason;
    }
}
