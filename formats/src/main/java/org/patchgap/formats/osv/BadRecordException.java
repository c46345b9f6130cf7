package org.patchgap.formats.osv;

/**
 * Thrown while mapping one record when a part of it cannot be used; {@link #pointer()} is the JSON pointer of
 * that part, relative to the record. Carries no stack trace: it is control flow for skipping input, and a
 * dump may raise thousands.
 */
final class BadRecordException extends RuntimeException {

    private final String pointer;

    BadRecordException(String pointer, String message) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    String pointer() {
        return pointer;
    }
}
