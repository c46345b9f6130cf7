package org.patchgap.core.purl;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A package as OSV knows it, derived from a purl.
 *
 * <pre>{@code
 * PurlResolution r = PurlIdentity.resolve("pkg:npm/%40angular/core@12.3.1");
 * PurlIdentity id = r.identity();        // npm, "@angular/core", "12.3.1"
 * }</pre>
 *
 * @param ecosystem OSV ecosystem in OSV's spelling, possibly with a release ({@code Debian:12}, {@code Alpine:v3.20})
 * @param name      package name as OSV records spell it ({@code org.apache.logging.log4j:log4j-core},
 *                  {@code @angular/core}, {@code golang.org/x/net})
 * @param version   the purl's version (for RPM with its epoch, {@code 1:2.3-4}), or null when the purl has none
 * @param purl      the canonical form of the purl
 */
public record PurlIdentity(String ecosystem, String name, @Nullable String version, String purl) {

    public PurlIdentity {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purl, "purl");
    }

    /**
     * Parses {@code purl} and maps it to an OSV ecosystem. A valid purl of a type (or namespace) that has no
     * OSV ecosystem is not an error: the result says why it is not mapped.
     *
     * @throws MalformedPurlException when {@code purl} is not a valid package URL
     */
    public static PurlResolution resolve(String purl) throws MalformedPurlException {
        return EcosystemMapping.resolve(purl);
    }
}
