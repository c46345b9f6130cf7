package org.patchgap.core.version;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.patchgap.core.version.deb.DebianVersionScheme;
import org.patchgap.core.version.generic.GenericVersionScheme;
import org.patchgap.core.version.maven.MavenVersionScheme;
import org.patchgap.core.version.npm.NpmVersionScheme;
import org.patchgap.core.version.pypi.PypiVersionScheme;

/**
 * The one explicit registry from an OSV ecosystem name to its {@link VersionScheme}. Registration is this
 * list, not classpath scanning: adding an ecosystem is one line here plus its own package.
 *
 * <p>Ecosystem names are OSV's ({@code npm}, {@code PyPI}, {@code Maven}, {@code Debian:12}, ...). The part
 * after the first {@code ':'} names a release and does not change the order. Lookup ignores case so that a
 * user can type {@code pypi}; the registry keeps OSV's spelling as the canonical one.
 */
public final class VersionSchemes {

    private static final Map<String, VersionScheme> BY_ECOSYSTEM = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final Map<String, String> CANONICAL = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        // One line per ecosystem. Keep alphabetical.
        register("Debian", DebianVersionScheme.INSTANCE);
        register("Maven", MavenVersionScheme.INSTANCE);
        register("npm", NpmVersionScheme.INSTANCE);
        register("PyPI", PypiVersionScheme.INSTANCE);
        register("Ubuntu", DebianVersionScheme.INSTANCE);
    }

    private VersionSchemes() {}

    private static void register(String ecosystem, VersionScheme scheme) {
        BY_ECOSYSTEM.put(ecosystem, scheme);
        CANONICAL.put(ecosystem, ecosystem);
    }

    /** The scheme of an ecosystem we know, or empty. {@code "Debian:12"} finds Debian's scheme. */
    public static Optional<VersionScheme> find(String ecosystem) {
        return Optional.ofNullable(BY_ECOSYSTEM.get(baseOf(ecosystem)));
    }

    /** The scheme of {@code ecosystem}, or the documented generic order for one we do not know. */
    public static VersionScheme forEcosystem(String ecosystem) {
        return find(ecosystem).orElse(GenericVersionScheme.INSTANCE);
    }

    /** OSV's spelling of a known ecosystem ({@code pypi:x} becomes {@code PyPI:x}); unknown names unchanged. */
    public static String canonicalName(String ecosystem) {
        String base = baseOf(ecosystem);
        String canonical = CANONICAL.get(base);
        return canonical == null ? ecosystem : canonical + ecosystem.substring(base.length());
    }

    /** The ecosystems with an exact scheme, in OSV spelling. */
    public static java.util.Set<String> known() {
        return java.util.Collections.unmodifiableSet(CANONICAL.keySet());
    }

    /** {@code "Debian:12"} to {@code "Debian"}. */
    public static String baseOf(String ecosystem) {
        int colon = ecosystem.indexOf(':');
        return colon < 0 ? ecosystem : ecosystem.substring(0, colon);
    }

}
