package org.patchgap.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where something was found: a file (or a file inside an archive, {@code dump.zip!/GHSA-x.json}) and, where
 * known, the place inside it: a JSON pointer ({@code /components/3}) or a line ({@code line 12}).
 */
public record Location(String file, @Nullable String place) {

    public Location {
        Objects.requireNonNull(file, "file");
    }

    public static Location of(String file) {
        return new Location(file, null);
    }

    @Override
    public String toString() {
        return place == null || place.isEmpty() ? file : file + " at " + place;
    }
}
