package org.patchgap.cli;

/** A command used the wrong way (missing advisories, unknown ecosystem): printed on one line, exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
