package org.patchgap.formats.os;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Target;

/** The host target of one operating-system root, named after its distribution. */
final class OsTargets {

    private OsTargets() {}

    static Optional<OsRelease> releaseOf(Path database) {
        return OsDatabases.rootOf(database).flatMap(OsRelease::of);
    }

    static Target host(Path database, Optional<OsRelease> release, List<Component> components) {
        String name = release.map(OsRelease::prettyName).orElse("unknown distribution");
        return new Target(name, Target.Kind.HOST, database.toString(), components,
                release.map(OsRelease::facts).orElse(null));
    }

    /** The problem recorded once per database whose packages cannot be matched for want of a distribution. */
    static Problem unplaced(Path database, Optional<OsRelease> release) {
        String why = release.isEmpty() ? "no etc/os-release in the same root, the distribution is unknown"
                : "distribution '" + release.get().id() + "' has no OSV ecosystem we match";
        return new Problem(Location.of(database.toString()), why + "; packages listed, not matched");
    }
}
