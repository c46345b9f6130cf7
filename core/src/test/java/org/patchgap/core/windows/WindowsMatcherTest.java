package org.patchgap.core.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsFinding.Status;

/**
 * The matcher against a small in-memory advisory store that mirrors the public MS17-010 facts and two later
 * Windows 7 monthly rollups (April 2017 KB4015549, May 2017 KB4019264), each superseding the previous one.
 */
class WindowsMatcherTest {

    static final String WIN7_X64 = "Windows 7 for x64-based Systems Service Pack 1";
    static final String WIN81_X64 = "Windows 8.1 for x64-based systems";
    static final String WIN10_1607_X64 = "Windows 10 Version 1607 for x64-based Systems";
    static final String XP = "Windows XP Service Pack 3";

    static final WindowsVulnerability MS17_010 = vuln("CVE-2017-0144", "MS17-010",
            "Windows SMB Remote Code Execution Vulnerability",
            product(WIN7_X64, fix("KB4012212", "Security Only"), fix("KB4012215", "Monthly Rollup", "KB3212646")),
            product(WIN81_X64, fix("KB4012213", "Security Only"), fix("KB4012216", "Monthly Rollup")),
            product(WIN10_1607_X64, new WindowsFix("KB4013429", "Security Update",
                    WindowsBuild.parse("10.0.14393.953").orElseThrow(), Set.of())),
            product(XP, fix("KB4012598", "Security Update")));
    static final WindowsVulnerability APRIL = vuln("CVE-2017-0058", "2017-Apr", "Win32k Information Disclosure Vulnerability",
            product(WIN7_X64, fix("KB4015546", "Security Only"), fix("KB4015549", "Monthly Rollup", "KB4012215")));
    static final WindowsVulnerability MAY = vuln("CVE-2017-0272", "2017-May", "Windows SMB Remote Code Execution Vulnerability",
            product(WIN7_X64, fix("KB4019263", "Security Only"), fix("KB4019264", "Monthly Rollup", "KB4015549")));

    final WindowsMatcher matcher = new WindowsMatcher(List.of(MS17_010, APRIL, MAY));

    @Nested
    class OlderProductsByKb {

        @Test
        void monthlyRollupOfTheMonthFixesIt() {
            assertThat(one(win7("KB4012215"), "CVE-2017-0144")).satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.FIXED);
                assertThat(f.evidence()).contains("KB4012215 is installed (Monthly Rollup)");
            });
        }

        @Test
        void securityOnlyUpdateFixesIt() {
            assertThat(one(win7("KB4012212"), "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
        }

        @Test
        void laterRollupFixesItTransitivelyOverSeveralMonths() {
            WindowsFinding f = one(win7("KB976902", "KB4019264"), "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.FIXED);
            assertThat(f.evidence()).contains("KB4019264 is installed and supersedes KB4012215")
                    .contains("KB4019264 -> KB4015549 -> KB4012215");
        }

        @Test
        void unknownLaterKbCannotBeTold() {
            // The June 2017 rollup is not in the data: it may supersede the fix, so we do not guess.
            WindowsFinding f = one(win7("KB976902", "KB4022719"), "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.CANNOT_TELL);
            assertThat(f.evidence()).contains("KB4022719 is not in the supersedence data");
            assertThat(f.requiredKbs()).containsExactly("KB4012212", "KB4012215");
        }

        @Test
        void olderUnknownKbsDoNotHideTheExposure() {
            WindowsFinding f = one(win7("KB976902", "KB2534111", "KB3212646"), "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.requiredKbs()).containsExactly("KB4012212", "KB4012215");
            assertThat(f.product()).isEqualTo(WIN7_X64);
            assertThat(f.severity().level()).isEqualTo(SeverityLevel.CRITICAL);
        }

        @Test
        void laterSecurityOnlyUpdateDoesNotFixAnEarlierMonth() {
            // April's security-only update carries April's fixes only (not MS17-010), unlike April's rollup.
            assertThat(one(win7("KB4015546"), "CVE-2017-0144").status()).isEqualTo(Status.EXPOSED);
            assertThat(one(win7("KB4015549"), "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
        }

        @Test
        void securityOnlyKb4012213OnWindows81IsNotReportedVulnerable() {
            // The false positive reported against another scanner: KB4012213 is the security-only MS17-010 fix.
            Target host = host("win81", "Microsoft Windows 8.1 Pro", "6.3.9600", "x64-based PC", null,
                    List.of("KB2919355", "KB4012213"), Map.of());
            assertThat(matcher.match(host)).isEmpty();
            assertThat(one(host, "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
        }

        @Test
        void windowsXpNeedsTheOutOfBandUpdate() {
            Target without = host("xp", "Microsoft Windows XP Professional", "5.1.2600", "X86-based PC", "Service Pack 3",
                    List.of("KB958644", "KB2686509"), Map.of());
            Target with = host("xp2", "Microsoft Windows XP Professional", "5.1.2600", "X86-based PC", "Service Pack 3",
                    List.of("KB958644", "KB4012598"), Map.of());
            assertThat(one(without, "CVE-2017-0144")).satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.EXPOSED);
                assertThat(f.requiredKbs()).containsExactly("KB4012598");
            });
            assertThat(one(with, "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
        }

        @Test
        void noUpdatesListedCannotBeTold() {
            assertThat(one(win7(), "CVE-2017-0144").status()).isEqualTo(Status.CANNOT_TELL);
        }
    }

    @Nested
    class CumulativeProductsByBuild {

        @Test
        void atTheFixedBuildIsFixed() {
            WindowsFinding f = one(win10("10.0.14393.953"), "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.FIXED);
            assertThat(f.evidence()).contains("at or above the fixed build 10.0.14393.953");
        }

        @Test
        void aboveTheFixedBuildIsFixedEvenWithoutAnyKnownKb() {
            assertThat(one(win10("10.0.14393.1066"), "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
        }

        @Test
        void belowTheFixedBuildIsExposed() {
            WindowsFinding f = one(win10("10.0.14393.693"), "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.fixedBuild()).isEqualTo("10.0.14393.953");
            assertThat(f.requiredKbs()).containsExactly("KB4013429");
            assertThat(f.evidence()).contains("below the fixed build");
        }

        @Test
        void revisionComparedAsNumberNotText() {
            // 14393.1000 > 14393.953 although "1000" < "953" as text.
            assertThat(one(win10("10.0.14393.1000"), "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
            assertThat(one(win10("10.0.14393.95"), "CVE-2017-0144").status()).isEqualTo(Status.EXPOSED);
        }

        @Test
        void fixListedOnABuildBelowItCannotBeTold() {
            Target pending = host("w10", "Microsoft Windows 10 Pro", "10.0.14393", "x64-based PC", null,
                    List.of("KB4013429"), Map.of(), "10.0.14393.693");
            WindowsFinding f = one(pending, "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.CANNOT_TELL);
            assertThat(f.evidence()).contains("yet KB4013429 is installed");
        }

        @Test
        void withoutRevisionTheKbsDecide() {
            Target withKb = host("w10", "Microsoft Windows 10 Pro", "10.0.14393", "x64-based PC", null,
                    List.of("KB4013429"), Map.of());
            Target nothing = host("w10b", "Microsoft Windows 10 Pro", "10.0.14393", "x64-based PC", null, List.of(), Map.of());
            assertThat(one(withKb, "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
            assertThat(one(nothing, "CVE-2017-0144")).satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.CANNOT_TELL);
                assertThat(f.evidence()).contains("build revision is unknown");
            });
        }
    }

    @Nested
    class Products {

        @Test
        void unlistedServicePackLevelCannotBeTold() {
            Target rtm = host("w7rtm", "Microsoft Windows 7 Professional", "6.1.7600", "x64-based PC", null,
                    List.of("KB976902"), Map.of());
            WindowsFinding f = one(rtm, "CVE-2017-0144");
            assertThat(f.status()).isEqualTo(Status.CANNOT_TELL);
            assertThat(f.evidence()).contains("Windows 7 x64 is not listed").contains(WIN7_X64);
        }

        @Test
        void unaffectedProductGivesNothing() {
            Target win11 = host("w11", "Microsoft Windows 11 Pro", "10.0.22631", "x64-based PC", null, List.of("KB5044285"), Map.of());
            assertThat(matcher.assess(win11)).isEmpty();
        }

        @Test
        void otherArchitectureIsAnotherProduct() {
            Target x86 = host("w7x86", "Microsoft Windows 7 Professional", "6.1.7601", "X86-based PC", "Service Pack 1",
                    List.of("KB976902"), Map.of());
            // Only the x64 product is in this store: the x86 host is not listed for these vulnerabilities.
            assertThat(matcher.assess(x86)).allSatisfy(f -> assertThat(f.status()).isNotEqualTo(Status.FIXED));
            assertThat(matcher.assess(x86)).allSatisfy(f -> assertThat(f.product()).isEqualTo("Windows 7 x86 SP1"));
        }

        @Test
        void unknownArchitectureTakesTheFixesOfAll() {
            Target any = host("w7", "Microsoft Windows 7 Professional", "6.1.7601", null, "Service Pack 1",
                    List.of("KB4012212"), Map.of());
            assertThat(one(any, "CVE-2017-0144")).satisfies(f -> {
                assertThat(f.status()).isEqualTo(Status.FIXED);
                assertThat(f.evidence()).contains("architecture unknown");
            });
        }

        @Test
        void unknownProductCannotBeToldUnlessAFixIsInstalled() {
            Target onlyKbs = host("mystery", null, null, null, null, List.of("KB976902"), Map.of());
            Target fixed = host("mystery2", null, null, null, null, List.of("KB4012212"), Map.of());
            assertThat(one(onlyKbs, "CVE-2017-0144").status()).isEqualTo(Status.CANNOT_TELL);
            assertThat(one(fixed, "CVE-2017-0144").status()).isEqualTo(Status.FIXED);
        }

        @Test
        void nonWindowsHostsAreNotLookedAt() {
            Target linux = host("deb", "Debian GNU/Linux", "12", "x86_64", null, List.of(), Map.of());
            assertThat(matcher.assess(linux)).isEmpty();
        }
    }

    @Test
    void smb1DisabledIsShownBesideTheFindingAndDoesNotHideIt() {
        Target host = host("w7", "Microsoft Windows 7 Professional", "6.1.7601", "x64-based PC", "Service Pack 1",
                List.of("KB976902"), Map.of(WindowsMatcher.SMB1_SERVER, "disabled"));
        WindowsFinding f = one(host, "CVE-2017-0144");
        assertThat(f.status()).isEqualTo(Status.EXPOSED);
        assertThat(f.mitigations()).containsExactly("SMBv1 server disabled (smb1.server=disabled)");
        // Not an SMBv1 flaw: no mitigation shown.
        assertThat(one(host, "CVE-2017-0058").mitigations()).isEmpty();
    }

    @Test
    void matchLeavesOutFixedAndKeepsCannotTell() {
        Target host = win7("KB4015549");
        // Fixed for March and April by the April rollup; May's fix is not installed.
        assertThat(matcher.match(host)).extracting(WindowsFinding::id, WindowsFinding::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CVE-2017-0272", Status.EXPOSED));
    }

    @Test
    void findingConvertsToTheCommonModel() {
        var finding = one(win7("KB976902"), "CVE-2017-0144").toFinding();
        assertThat(finding.component().ecosystem()).isEqualTo("Windows");
        assertThat(finding.component().name()).isEqualTo(WIN7_X64);
        assertThat(finding.fixedVersions()).containsExactly("KB4012212", "KB4012215");
        assertThat(finding.vulnerability().aliases()).containsExactly("MS17-010");
        assertThat(finding.evidence()).startsWith("EXPOSED: ");
    }

    @Test
    void aCveInSeveralDocumentsGivesOneFindingWithAllFixes() {
        // The same CVE re-released later with a newer update for the same product.
        WindowsVulnerability rerelease = vuln("CVE-2017-0144", "2017-Jun", "Windows SMB Remote Code Execution Vulnerability",
                product(WIN7_X64, fix("KB4022722", "Security Only")));
        WindowsMatcher both = new WindowsMatcher(List.of(MS17_010, rerelease));
        List<WindowsFinding> findings = both.assess(win7("KB4022722"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FIXED);
            assertThat(f.vulnerability().source()).isEqualTo("test");
        });
        assertThat(both.assess(win7("KB976902")).get(0).requiredKbs()).containsExactly("KB4012212", "KB4012215", "KB4022722");
    }

    @Test
    void supersedenceCyclesDoNotLoop() {
        Supersedence s = new Supersedence();
        s.add("KB2", Set.of("KB1"));
        s.add("KB1", Set.of("KB2"));
        assertThat(s.supersedingPath("KB1", Set.of("KB3"))).isEmpty();
        assertThat(s.supersedingPath("KB1", Set.of("KB2"))).hasValue(List.of("KB2", "KB1"));
    }

    // --- fixtures

    WindowsFinding one(Target host, String cve) {
        return matcher.assess(host).stream().filter(f -> f.id().equals(cve)).findFirst()
                .orElseThrow(() -> new AssertionError("no conclusion for " + cve + " on " + host.name()));
    }

    static Target win7(String... kbs) {
        return host("win7", "Microsoft Windows 7 Professional", "6.1.7601", "x64-based PC", "Service Pack 1",
                List.of(kbs), Map.of());
    }

    static Target win10(String build) {
        return host("win10", "Microsoft Windows 10 Pro", "10.0.14393", "x64-based PC", null, List.of("KB3199986"), Map.of(),
                build);
    }

    static Target host(String name, String os, String version, String arch, String sp, List<String> kbs,
            Map<String, String> config) {
        return host(name, os, version, arch, sp, kbs, config, version);
    }

    static Target host(String name, String os, String version, String arch, String sp, List<String> kbs,
            Map<String, String> config, String build) {
        return new Target(name, Target.Kind.HOST, name + ".txt", List.of(),
                new HostFacts(os, version, build, arch, sp, kbs, config));
    }

    static WindowsFix fix(String kb, String subType, String... supersedes) {
        return new WindowsFix(kb, subType, null, Set.of(supersedes));
    }

    static AffectedWindowsProduct product(String name, WindowsFix... fixes) {
        return new AffectedWindowsProduct(name, WindowsProducts.parseName(name).orElseThrow(),
                new Severity(SeverityLevel.CRITICAL, null, null, "vendor"), Arrays.asList(fixes));
    }

    static WindowsVulnerability vuln(String id, String advisory, String title, AffectedWindowsProduct... products) {
        String description = title.contains("SMB")
                ? "A remote code execution vulnerability exists in the Microsoft Server Message Block 1.0 (SMBv1) server."
                : "An information disclosure vulnerability exists in win32k.";
        return new WindowsVulnerability(id, advisory, title, description, null, new ArrayList<>(List.of(products)),
                List.of(), "test");
    }
}
