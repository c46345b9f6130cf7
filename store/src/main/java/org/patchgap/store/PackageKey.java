package org.patchgap.store;

import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.ecosystem.PackageNames;
import org.patchgap.core.model.Component;
import org.jspecify.annotations.Nullable;

/**
 * A package as the matcher looks it up: the base ecosystem (lower case, release suffix dropped: {@code debian}
 * for {@code Debian:12}) and the package-name key ({@link PackageNames#key}: PEP 503 for PyPI, vendor:product for a
 * CPE, ...). An advisory record and a component that meet under one key may match; under different keys they never
 * do, which is what lets a store find the records of a component, or the components of a record, by key alone.
 */
public record PackageKey(String ecosystem, String key) {

    public static PackageKey of(String ecosystem, String name) {
        String base = DatabaseCommit.ecosystemKey(ecosystem);
        return new PackageKey(DatabaseCommit.lookupKey(ecosystem), PackageNames.key(base, name));
    }

    /** The key a component is matched under, or null when it can be matched by neither package nor CPE. */
    public static @Nullable PackageKey of(Component component) {
        if (component.ecosystem() != null) return of(component.ecosystem(), component.name());
        if (component.cpe() != null) return of(CpeName.ECOSYSTEM, component.cpe());
        return null;
    }
}
