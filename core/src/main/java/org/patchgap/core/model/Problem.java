package org.patchgap.core.model;

import java.util.Objects;

/**
 * A record that was skipped because it could not be used (an advisory with a broken range, a component with
 * an unknown purl type). The run goes on; problems are counted and shown.
 */
public record Problem(Location location, String message) {

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
