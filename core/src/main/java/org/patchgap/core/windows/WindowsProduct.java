package org.patchgap.core.windows;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Windows product as the Security Update Guide distinguishes them: family, feature release, architecture,
 * service pack level and installation option. {@code Windows 7 for x64-based Systems Service Pack 1} is
 * {@code (Windows 7, null, X64, 1, false)}; {@code Windows 10 Version 1607 for 32-bit Systems} is
 * {@code (Windows 10, 1607, X86, 0, false)}.
 *
 * @param family       e.g. {@code Windows 7}, {@code Windows Server 2008 R2}, {@code Windows 10}, {@code Windows Server}
 *                     (the semi-annual channel)
 * @param release      the feature release of Windows 10, 11 and semi-annual Server ({@code 1607}, {@code 22H2}); null
 *                     for products without one
 * @param architecture null when unknown (only on the host side; advisory products always have one)
 * @param servicePack  service pack level, 0 for none
 * @param serverCore   the Server Core installation option
 */
public record WindowsProduct(
        String family, @Nullable String release, @Nullable Architecture architecture, int servicePack, boolean serverCore) {

    public static final String XP = "Windows XP";
    public static final String SERVER_2003 = "Windows Server 2003";
    public static final String VISTA = "Windows Vista";
    public static final String SERVER_2008 = "Windows Server 2008";
    public static final String WINDOWS_7 = "Windows 7";
    public static final String SERVER_2008_R2 = "Windows Server 2008 R2";
    public static final String WINDOWS_8 = "Windows 8";
    public static final String SERVER_2012 = "Windows Server 2012";
    public static final String WINDOWS_8_1 = "Windows 8.1";
    public static final String RT_8_1 = "Windows RT 8.1";
    public static final String SERVER_2012_R2 = "Windows Server 2012 R2";
    public static final String WINDOWS_10 = "Windows 10";
    public static final String WINDOWS_11 = "Windows 11";
    public static final String SERVER_2016 = "Windows Server 2016";
    public static final String SERVER_2019 = "Windows Server 2019";
    public static final String SERVER_2022 = "Windows Server 2022";
    public static final String SERVER_2025 = "Windows Server 2025";
    /** The semi-annual channel server releases ({@code Windows Server, version 1709}, {@code Windows Server 2022, 23H2 Edition}). */
    public static final String SERVER_SAC = "Windows Server";

    /**
     * Families serviced only by cumulative updates that raise the build revision: for them a fixed build
     * decides. Older families also have security-only updates, so only KBs and their supersedence decide.
     */
    private static final Set<String> CUMULATIVE = Set.of(
            WINDOWS_10, WINDOWS_11, SERVER_2016, SERVER_2019, SERVER_2022, SERVER_2025, SERVER_SAC);

    public WindowsProduct {
        Objects.requireNonNull(family, "family");
        if (servicePack < 0) throw new IllegalArgumentException("service pack must not be negative: " + servicePack);
        release = release == null ? null : release.toUpperCase(Locale.ROOT);
    }

    /** Whether the family is serviced by cumulative updates only (Windows 10, Server 2016 and later). */
    public boolean cumulative() {
        return CUMULATIVE.contains(family);
    }

    public boolean server() {
        return family.startsWith("Windows Server");
    }

    /** A short human label, e.g. {@code Windows 7 x64 SP1}, {@code Windows 10 1607 x64}. */
    public String label() {
        StringBuilder b = new StringBuilder(family);
        if (release != null) b.append(' ').append(release);
        b.append(' ').append(architecture == null ? "(architecture unknown)" : architecture.name().toLowerCase(Locale.ROOT));
        if (servicePack > 0) b.append(" SP").append(servicePack);
        if (serverCore) b.append(" (Server Core)");
        return b.toString();
    }
}
