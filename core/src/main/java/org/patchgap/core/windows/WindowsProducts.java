package org.patchgap.core.windows;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.HostFacts;

/**
 * Turns product names and host facts into {@link WindowsProduct}s: the advisory side reads the Security Update
 * Guide's English product names, the host side reads the version numbers an inventory reports (names only as a
 * fallback, since edition names vary and the kernel version does not).
 */
public final class WindowsProducts {

    /** Configuration key readers set from {@code WindowsInstallationType}: {@code client}, {@code server}, {@code server core}. */
    public static final String INSTALLATION_KEY = "os.installation";

    // Longest names first: "Windows Server 2008 R2" must not be read as "Windows Server 2008".
    private static final List<Map.Entry<Pattern, String>> FAMILIES = List.of(
            Map.entry(Pattern.compile("\\bwindows server 2025\\b"), WindowsProduct.SERVER_2025),
            Map.entry(Pattern.compile("\\bwindows server 2022\\b"), WindowsProduct.SERVER_2022),
            Map.entry(Pattern.compile("\\bwindows server 2019\\b"), WindowsProduct.SERVER_2019),
            Map.entry(Pattern.compile("\\bwindows server 2016\\b"), WindowsProduct.SERVER_2016),
            Map.entry(Pattern.compile("\\bwindows server 2012 r2\\b"), WindowsProduct.SERVER_2012_R2),
            Map.entry(Pattern.compile("\\bwindows server 2012\\b"), WindowsProduct.SERVER_2012),
            Map.entry(Pattern.compile("\\bwindows server 2008 r2\\b"), WindowsProduct.SERVER_2008_R2),
            Map.entry(Pattern.compile("\\bwindows server 2008\\b"), WindowsProduct.SERVER_2008),
            Map.entry(Pattern.compile("\\bwindows server 2003\\b"), WindowsProduct.SERVER_2003),
            Map.entry(Pattern.compile("\\bwindows server,? version\\b"), WindowsProduct.SERVER_SAC),
            Map.entry(Pattern.compile("\\bwindows rt 8\\.1\\b"), WindowsProduct.RT_8_1),
            Map.entry(Pattern.compile("\\bwindows 8\\.1\\b"), WindowsProduct.WINDOWS_8_1),
            Map.entry(Pattern.compile("\\bwindows 8(?![.\\d])"), WindowsProduct.WINDOWS_8),
            Map.entry(Pattern.compile("\\bwindows 7\\b"), WindowsProduct.WINDOWS_7),
            Map.entry(Pattern.compile("\\bwindows vista\\b"), WindowsProduct.VISTA),
            Map.entry(Pattern.compile("\\bwindows xp\\b"), WindowsProduct.XP),
            Map.entry(Pattern.compile("\\bwindows 10\\b"), WindowsProduct.WINDOWS_10),
            Map.entry(Pattern.compile("\\bwindows 11\\b"), WindowsProduct.WINDOWS_11));

    private static final Pattern SAC_EDITION = Pattern.compile("\\bwindows server 20\\d\\d, (\\w+) edition\\b");
    private static final Pattern VERSION = Pattern.compile("\\bversion (\\w+)\\b");
    private static final Pattern SERVICE_PACK = Pattern.compile("\\bservice pack (\\d)\\b");

    // Feature releases by build number (Windows release information pages).
    private static final Map<Integer, String> WINDOWS_10_RELEASES = Map.ofEntries(
            Map.entry(10240, "1507"), Map.entry(10586, "1511"), Map.entry(14393, "1607"), Map.entry(15063, "1703"),
            Map.entry(16299, "1709"), Map.entry(17134, "1803"), Map.entry(17763, "1809"), Map.entry(18362, "1903"),
            Map.entry(18363, "1909"), Map.entry(19041, "2004"), Map.entry(19042, "20H2"), Map.entry(19043, "21H1"),
            Map.entry(19044, "21H2"), Map.entry(19045, "22H2"));
    private static final Map<Integer, String> WINDOWS_11_RELEASES = Map.of(
            22000, "21H2", 22621, "22H2", 22631, "23H2", 26100, "24H2", 26200, "25H2");
    private static final Map<Integer, String> SERVER_LTSC = Map.of(
            14393, WindowsProduct.SERVER_2016, 17763, WindowsProduct.SERVER_2019,
            20348, WindowsProduct.SERVER_2022, 26100, WindowsProduct.SERVER_2025);
    private static final Map<Integer, String> SERVER_SAC_RELEASES = Map.of(
            16299, "1709", 17134, "1803", 18362, "1903", 18363, "1909", 19041, "2004", 19042, "20H2", 25398, "23H2");

    private WindowsProducts() {}

    /**
     * Reads a Security Update Guide product name such as {@code Windows Server 2008 R2 for x64-based Systems
     * Service Pack 1 (Server Core installation)}; empty for names that are not a Windows operating system
     * (Office, .NET, browsers).
     */
    public static Optional<WindowsProduct> parseName(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String family = null;
        for (Map.Entry<Pattern, String> f : FAMILIES) {
            if (f.getKey().matcher(s).find()) {
                family = f.getValue();
                break;
            }
        }
        if (family == null || s.contains("internet explorer") || s.contains(".net") || s.contains("office")) {
            return Optional.empty();
        }
        String release = null;
        Matcher sac = SAC_EDITION.matcher(s);
        if (sac.find()) {
            family = WindowsProduct.SERVER_SAC;
            release = sac.group(1);
        } else if (family.equals(WindowsProduct.WINDOWS_10) || family.equals(WindowsProduct.WINDOWS_11)
                || family.equals(WindowsProduct.SERVER_SAC)) {
            Matcher v = VERSION.matcher(s);
            if (v.find()) {
                release = v.group(1);
            } else if (family.equals(WindowsProduct.WINDOWS_10)) {
                release = "1507"; // the first release is named without a version
            } else if (family.equals(WindowsProduct.WINDOWS_11)) {
                release = "21H2";
            } else {
                return Optional.empty();
            }
        }
        Matcher sp = SERVICE_PACK.matcher(s);
        int servicePack = sp.find() ? Integer.parseInt(sp.group(1)) : 0;
        return Optional.of(new WindowsProduct(family, release, nameArchitecture(s, family), servicePack,
                s.contains("server core")));
    }

    private static Architecture nameArchitecture(String s, String family) {
        if (s.contains("32-bit")) return Architecture.X86;
        if (s.contains("x64")) return Architecture.X64;
        if (s.contains("itanium")) return Architecture.IA64;
        if (s.contains("arm64")) return Architecture.ARM64;
        if (family.equals(WindowsProduct.RT_8_1)) return Architecture.ARM;
        // Names without an architecture: the 32-bit editions of XP, Vista and Server 2003 ("Windows Vista
        // Service Pack 2"); every server from 2012 on exists for x64 only.
        return switch (family) {
            case WindowsProduct.XP, WindowsProduct.VISTA, WindowsProduct.SERVER_2003, WindowsProduct.SERVER_2008,
                    WindowsProduct.WINDOWS_7, WindowsProduct.WINDOWS_8, WindowsProduct.WINDOWS_8_1,
                    WindowsProduct.WINDOWS_10, WindowsProduct.WINDOWS_11 -> Architecture.X86;
            default -> Architecture.X64;
        };
    }

    /**
     * The product of a host, with the reason when it cannot be determined.
     *
     * @param product the product, or null with {@code problem} saying why
     * @param build   the host's build (with its revision when the inventory gave one), or null
     * @param problem why the product is unknown, or null
     */
    public record HostProduct(@Nullable WindowsProduct product, @Nullable WindowsBuild build, @Nullable String problem) {}

    /** Derives the product from the version numbers first ({@code 6.1.7601}), the product name otherwise. */
    public static HostProduct ofHost(HostFacts facts) {
        WindowsBuild build = WindowsBuild.parse(facts.build()).orElse(null);
        WindowsBuild version = WindowsBuild.parse(facts.osVersion()).orElse(null);
        if (build == null) {
            build = version;
        } else if (build.revision() == null && version != null && version.revision() != null && version.sameLine(build)) {
            build = version;
        }
        String name = facts.osName() == null ? "" : facts.osName().toLowerCase(Locale.ROOT);
        String installation = facts.configuration().getOrDefault(INSTALLATION_KEY, "").toLowerCase(Locale.ROOT);
        boolean server = name.contains("server") || installation.startsWith("server");
        Architecture arch = Architecture.parse(facts.architecture()).orElse(null);
        int servicePack = servicePack(facts.servicePack());
        boolean core = installation.equals("server core");

        String family = null;
        String release = null;
        if (build != null) {
            int b = build.build();
            switch (build.major() * 10 + build.minor()) {
                case 51 -> family = WindowsProduct.XP;
                case 52 -> family = server ? WindowsProduct.SERVER_2003 : WindowsProduct.XP; // XP x64 is 5.2
                case 60 -> family = server ? WindowsProduct.SERVER_2008 : WindowsProduct.VISTA;
                case 61 -> family = server ? WindowsProduct.SERVER_2008_R2 : WindowsProduct.WINDOWS_7;
                case 62 -> family = server ? WindowsProduct.SERVER_2012 : WindowsProduct.WINDOWS_8;
                case 63 -> family = server ? WindowsProduct.SERVER_2012_R2
                        : arch == Architecture.ARM ? WindowsProduct.RT_8_1 : WindowsProduct.WINDOWS_8_1;
                case 100 -> {
                    if (server) {
                        family = SERVER_LTSC.get(b);
                        if (family == null && SERVER_SAC_RELEASES.containsKey(b)) {
                            family = WindowsProduct.SERVER_SAC;
                            release = SERVER_SAC_RELEASES.get(b);
                        }
                    } else if (b >= 22000) {
                        family = WindowsProduct.WINDOWS_11;
                        release = WINDOWS_11_RELEASES.get(b);
                    } else {
                        family = WindowsProduct.WINDOWS_10;
                        release = WINDOWS_10_RELEASES.get(b);
                    }
                    if (family == null || (!family.startsWith("Windows Server 20") && release == null)) {
                        return new HostProduct(null, build, "build " + build + " is not a Windows release we know");
                    }
                }
                default -> {
                    return new HostProduct(null, build, "version " + build + " is not a Windows release we know");
                }
            }
        } else {
            // No numbers: only the name. Windows 10 and 11 cannot be told apart by name, nor their releases.
            for (Map.Entry<Pattern, String> f : FAMILIES) {
                if (f.getKey().matcher(name).find()) {
                    family = f.getValue();
                    break;
                }
            }
            if (family == null) {
                return new HostProduct(null, null, facts.osName() == null
                        ? "the inventory names no operating system" : "'" + facts.osName() + "' is not a Windows release we know");
            }
            if (new WindowsProduct(family, null, null, 0, false).cumulative()) {
                return new HostProduct(null, null, "'" + facts.osName() + "' without a build number does not say which release");
            }
        }
        if (family.equals(WindowsProduct.XP) && build != null && build.minor() == 2 && arch == null) {
            arch = Architecture.X64; // 5.2 on a client is only ever XP Professional x64 Edition
        }
        return new HostProduct(new WindowsProduct(family, release, arch, servicePack, core), build, null);
    }

    private static int servicePack(@Nullable String text) {
        if (text == null) return 0;
        Matcher m = Pattern.compile("(\\d+)").matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
