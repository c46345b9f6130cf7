package org.patchgap.formats.cvss;

/** A CVSS vector that does not follow its specification's grammar; the message names the vector and the fault. */
public final class InvalidCvssVectorException extends Exception {

    public InvalidCvssVectorException(String vector, String reason) {
        super("invalid CVSS vector '" + vector + "': " + reason);
    }
}
