package org.patchgap.formats.osv;

import org.jspecify.annotations.Nullable;

/**
 * A file whose syntax is broken (not JSON or YAML) or that holds nothing, so no record of it can be read.
 * {@link #place()} is {@code line L, column C} when the parser knows it.
 */
final class MalformedDocumentException extends Exception {

    private final @Nullable String place;

    MalformedDocumentException(@Nullable String place, String message) {
        super(message);
        this.place = place;
    }

    @Nullable String place() {
        return place;
    }
}
