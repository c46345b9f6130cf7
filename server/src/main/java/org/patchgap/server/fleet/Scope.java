package org.patchgap.server.fleet;

import java.util.Set;
import org.patchgap.store.PackageKey;

/** Which of a target's findings a match run speaks for: only those may be resolved by its silence. */
sealed interface Scope {

    /** An upload: the whole inventory was matched. */
    record All() implements Scope {}

    /** A re-match after advisories of these packages changed. */
    record Packages(Set<PackageKey> keys) implements Scope {}

    /** A re-match of the host after Microsoft's documents changed. */
    record Windows() implements Scope {}

    default boolean covers(String ecoKey, String pkgKey) {
        if (this instanceof Packages p) return p.keys().contains(new PackageKey(ecoKey, pkgKey));
        if (this instanceof Windows) return ecoKey.equals(FleetMatcher.WINDOWS);
        return true;
    }
}
