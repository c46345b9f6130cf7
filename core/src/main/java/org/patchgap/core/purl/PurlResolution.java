package org.patchgap.core.purl;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a valid purl says, and whether it could be placed in an OSV ecosystem. Exactly one of
 * {@code identity} and {@code unmappedReason} is set.
 *
 * @param purl           canonical form of the purl
 * @param type           purl type ({@code npm}, {@code deb}, ...)
 * @param name           the purl's name with its namespace ({@code @angular/core}, {@code debian/openssl}); for
 *                       listing a component that cannot be mapped
 * @param version        the purl's version, or null
 * @param identity       the package in its OSV ecosystem, or null when not mapped
 * @param unmappedReason why it is not mapped (unknown type, missing namespace ...), or null when mapped
 */
public record PurlResolution(
        String purl,
        String type,
        String name,
        @Nullable String version,
        @Nullable PurlIdentity identity,
        @Nullable String unmappedReason) {

    public PurlResolution {
        Objects.requireNonNull(purl, "purl");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        if ((identity == null) == (unmappedReason == null)) {
            throw new IllegalArgumentException("exactly one of identity and unmappedReason must be set for " + purl);
        }
    }

    public boolean mapped() {
        return identity != null;
    }
}
