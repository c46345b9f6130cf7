package org.patchgap.store;

/** A database segment that does not decode: the file was damaged after it was written. */
final class CorruptSegmentException extends RuntimeException {

    CorruptSegmentException(String message) {
        super(message);
    }
}
