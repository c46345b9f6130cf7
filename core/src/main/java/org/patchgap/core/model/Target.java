package org.patchgap.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that runs software: an application (an SBOM, a lockfile), a host, or a container image.
 *
 * @param name       how the user knows it: the SBOM's main component, the host name, the image name
 * @param kind       what it is
 * @param source     the file it was read from
 * @param components what it contains
 * @param host       operating-system facts of a host (build, installed updates, configuration), or null
 */
public record Target(String name, Kind kind, String source, List<Component> components, @Nullable HostFacts host) {

    public enum Kind { APPLICATION, HOST, IMAGE }

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        components = List.copyOf(components);
    }

    /** A target with components only (an application or image). */
    public Target(String name, Kind kind, String source, List<Component> components) {
        this(name, kind, source, components, null);
    }
}
