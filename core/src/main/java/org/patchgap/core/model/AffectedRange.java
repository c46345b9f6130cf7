package org.patchgap.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One range of affected versions as OSV publishes it: a type and its events, not yet parsed into versions
 * (that happens once, in the matcher, with the ecosystem's scheme).
 *
 * @param repo the repository URL of a {@link Type#GIT} range; null otherwise
 */
public record AffectedRange(Type type, @Nullable String repo, List<RangeEvent> events) {

    /** OSV range types. GIT ranges name commits and cannot be matched against package versions. */
    public enum Type { SEMVER, ECOSYSTEM, GIT }

    public AffectedRange {
        Objects.requireNonNull(type, "type");
        events = List.copyOf(events);
    }
}
