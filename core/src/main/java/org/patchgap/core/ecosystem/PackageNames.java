package org.patchgap.core.ecosystem;

import java.util.Locale;
import java.util.regex.Pattern;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.version.VersionSchemes;

/**
 * The key under which a package name is looked up in an ecosystem, so that spellings the ecosystem treats as
 * the same package meet: PyPI compares names after PEP 503 normalisation ({@code Foo_Bar} is {@code foo-bar});
 * npm, crates.io, Hex, Pub and Debian-family names are lower-case already and kept as published;
 * NuGet ids are case-insensitive; Maven and Go are case-sensitive. A {@code CPE} "name" is a whole CPE name
 * (NVD's {@code criteria}); its key is its vendor and product, unquoted and lower-cased ({@code apache:tomcat}),
 * so that every criteria a component's CPE may match is in one place.
 */
public final class PackageNames {

    private static final Pattern PEP503_SEPARATORS = Pattern.compile("[-_.]+");

    private PackageNames() {}

    public static String key(String ecosystem, String name) {
        return switch (VersionSchemes.baseOf(VersionSchemes.canonicalName(ecosystem))) {
            case "PyPI" -> PEP503_SEPARATORS.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
            case "NuGet", "Packagist" -> name.strip().toLowerCase(Locale.ROOT);
            case "CPE" -> cpeKey(name.strip());
            default -> name.strip();
        };
    }

    /** The vendor:product key of a CPE name; a string that is no CPE name keeps itself as its key. */
    private static String cpeKey(String name) {
        try {
            return CpeName.parse(name).vendorProductKey();
        } catch (MalformedCpeException e) {
            return name;
        }
    }
}
