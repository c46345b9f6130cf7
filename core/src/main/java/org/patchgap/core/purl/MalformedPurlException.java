package org.patchgap.core.purl;

/** A string that is not a valid package URL; the message says what is wrong with it. */
public final class MalformedPurlException extends Exception {

    private final String purl;
    private final String reason;

    public MalformedPurlException(String purl, String reason) {
        super("malformed purl '" + purl + "': " + reason);
        this.purl = purl;
        this.reason = reason;
    }

    /** The string as it was given. */
    public String purl() {
        return purl;
    }

    /** What is wrong with it, without the purl. */
    public String reason() {
        return reason;
    }
}
