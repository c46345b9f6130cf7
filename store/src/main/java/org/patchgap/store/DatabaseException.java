package org.patchgap.store;

/**
 * The advisory database cannot be used or changed: it is missing, damaged, written by a newer program, or
 * another update holds it. The message is one line that names the file and says what to do.
 */
public final class DatabaseException extends Exception {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
