package org.patchgap.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One piece of installed software inside a target: a package in an ecosystem at one version.
 *
 * @param ecosystem OSV ecosystem name ({@code Maven}, {@code npm}, {@code Debian:12}); null when the component
 *                  could not be placed in an ecosystem (it is listed but not matched)
 * @param name      package name in the ecosystem's spelling
 * @param version   installed version as written in the inventory
 * @param purl      canonical package URL, or null
 * @param location  where in the inventory it was found
 * @param cpe       the component's CPE name as the inventory wrote it (2.3 formatted string or 2.2 URI), or
 *                  null; a component without an ecosystem is matched by it
 */
public record Component(
        @Nullable String ecosystem,
        String name,
        @Nullable String version,
        @Nullable String purl,
        Location location,
        @Nullable String cpe) {

    public Component {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /** A component without a CPE name (most inventories have none). */
    public Component(@Nullable String ecosystem, String name, @Nullable String version, @Nullable String purl,
            Location location) {
        this(ecosystem, name, version, purl, location, null);
    }
}
