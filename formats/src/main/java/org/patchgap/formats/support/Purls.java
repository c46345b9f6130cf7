package org.patchgap.formats.support;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Canonical package URLs for the components our readers find; null where the parts do not make one. */
public final class Purls {

    private Purls() {}

    /** A canonical purl, or null when packageurl-java rejects the parts (an empty name, a bad type). */
    public static @Nullable String of(String type, @Nullable String namespace, String name, @Nullable String version) {
        return of(type, namespace, name, version, Map.of());
    }

    /** As {@link #of(String, String, String, String)}, with qualifiers; null or empty qualifier values are left out. */
    public static @Nullable String of(String type, @Nullable String namespace, String name, @Nullable String version,
            Map<String, @Nullable String> qualifiers) {
        TreeMap<String, String> kept = new TreeMap<>();
        qualifiers.forEach((key, value) -> {
            if (value != null && !value.isEmpty()) {
                kept.put(key, value);
            }
        });
        try {
            return new PackageURL(type, namespace == null || namespace.isEmpty() ? null : namespace, name,
                    version == null || version.isEmpty() ? null : version, kept.isEmpty() ? null : kept, null)
                    .canonicalize()
                    // As org.patchgap.core.purl does: packageurl-java percent-encodes ':', which the purl
                    // specification leaves as is (pkg:deb/debian/zlib1g@1:1.2.13); a literal '%' is %25.
                    .replace("%3A", ":");
        } catch (MalformedPackageURLException | RuntimeException e) {
            return null;
        }
    }

    /** {@code group:artifact} as a Maven purl. */
    public static @Nullable String maven(String groupId, String artifactId, @Nullable String version) {
        return of("maven", groupId, artifactId, version);
    }

    /** An npm name, scoped ({@code @types/node}) or not, as a purl. */
    public static @Nullable String npm(String name, @Nullable String version) {
        int slash = name.indexOf('/');
        if (name.startsWith("@") && slash > 0) {
            return of("npm", name.substring(0, slash), name.substring(slash + 1), version);
        }
        return of("npm", null, name, version);
    }
}
