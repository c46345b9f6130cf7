package org.patchgap.core.version;

/** A string that the ecosystem does not accept as a version; the message says why. */
public final class InvalidVersionException extends Exception {

    private final String scheme;
    private final String text;

    public InvalidVersionException(String scheme, String text, String reason) {
        super("invalid " + scheme + " version '" + text + "': " + reason);
        this.scheme = scheme;
        this.text = text;
    }

    public String scheme() {
        return scheme;
    }

    public String text() {
        return text;
    }
}
