package org.patchgap.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Something that runs software: an application (an SBOM, a lockfile), a host, or a container image.
 *
 * @param name       how the user knows it: the SBOM's main component, the host name, the image name
 * @param kind       what it is
 * @param source     the file it was read from
 * @param components what it contains
 */
public record Target(String name, Kind kind, String source, List<Component> components) {

    public enum Kind { APPLICATION, HOST, IMAGE }

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        components = List.copyOf(components);
    }
}
