package org.patchgap.formats.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.WindowsFinding;
import org.patchgap.core.windows.WindowsFinding.Status;
import org.patchgap.core.windows.WindowsHosts;
import org.patchgap.core.windows.WindowsMatcher;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.InventoryReaders;

/**
 * The WannaCry demo end to end, readers and matcher together: every export under
 * {@code examples/inventories/windows} through {@link InventoryReaders}, joined per host, against the CVRF
 * documents under {@code examples/advisories}.
 */
class WindowsDemoFleetTest {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static Map<String, Target> hosts;
    static WindowsMatcher matcher;

    @BeforeAll
    static void readFleet() throws IOException, BadInputException {
        List<Target> targets = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(REPO.resolve("examples/inventories/windows"))) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).sorted().toList();
        }
        for (Path f : files) {
            assertThat(InventoryReaders.readerFor(f)).as("a reader for %s", f).isPresent();
            ReadResult<Target> r = InventoryReaders.read(f);
            targets.addAll(r.items());
        }
        hosts = WindowsHosts.merge(targets).stream().collect(Collectors.toMap(Target::name, Function.identity()));
        ReadResult<WindowsVulnerability> advisories = WindowsAdvisories.read(REPO.resolve("examples/advisories"));
        assertThat(advisories.problems()).isEmpty();
        assertThat(advisories.items()).extracting(WindowsVulnerability::id).containsExactlyInAnyOrder(
                "CVE-2017-0143", "CVE-2017-0144", "CVE-2017-0145", "CVE-2017-0146", "CVE-2017-0147", "CVE-2017-0148",
                "CVE-2017-0058", "CVE-2017-0272");
        matcher = new WindowsMatcher(advisories.items());
    }

    @Test
    void theFleetIsEightHosts() {
        assertThat(hosts).containsOnlyKeys("WIN7-FIN01", "WIN7-HR02", "WIN7-LAB03", "XP-POS04", "WIN10-DEV05",
                "WIN10-KIOSK06", "SRV2012R2-FS07", "WIN81-SALES08");
    }

    @Test
    void windows7WithoutMarchUpdatesIsExposedToAllOfMs17010() {
        assertThat(ms17010("WIN7-FIN01")).hasSize(6).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.requiredKbs()).containsExactly("KB4012212", "KB4012215");
            assertThat(f.product()).isEqualTo("Windows 7 for x64-based Systems Service Pack 1");
        });
    }

    @Test
    void windows7WithSecurityOnlyUpdateIsFixed() {
        assertThat(ms17010("WIN7-HR02")).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.FIXED));
    }

    @Test
    void windows7WithTheMayRollupIsFixedThroughTheSupersedenceChain() {
        assertThat(ms17010("WIN7-LAB03")).hasSize(6).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.FIXED);
            assertThat(f.evidence()).contains("KB4019264 -> KB4015549 -> KB4012215");
        });
        assertThat(matcher.match(hosts.get("WIN7-LAB03"))).isEmpty();
    }

    @Test
    void windowsXpWithoutTheOutOfBandUpdateIsExposed() {
        assertThat(ms17010("XP-POS04")).hasSize(6).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.requiredKbs()).containsExactly("KB4012598");
            assertThat(f.product()).isEqualTo("Windows XP Service Pack 3");
        });
    }

    @Test
    void windows10AtTheFixedBuildIsFixedAndBelowItExposed() {
        assertThat(ms17010("WIN10-DEV05")).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.FIXED));
        assertThat(ms17010("WIN10-KIOSK06")).hasSize(6).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.hostBuild()).isEqualTo("10.0.14393.693");
            assertThat(f.fixedBuild()).isEqualTo("10.0.14393.953");
            assertThat(f.requiredKbs()).containsExactly("KB4013429");
        });
    }

    @Test
    void smb1DisabledIsShownBesideTheExposure() {
        assertThat(ms17010("SRV2012R2-FS07")).hasSize(6).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.requiredKbs()).containsExactly("KB4012213", "KB4012216");
            assertThat(f.mitigations()).containsExactly("SMBv1 server disabled (smb1.server=disabled)");
        });
    }

    @Test
    void windows81WithSecurityOnlyKb4012213IsNotReported() {
        assertThat(matcher.match(hosts.get("WIN81-SALES08"))).isEmpty();
        assertThat(ms17010("WIN81-SALES08")).hasSize(6).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.FIXED));
    }

    @Test
    void printsTheDemoAnswer() {
        // Not an assertion: the table the CLI will print, for the reader of the test log.
        hosts.values().stream().sorted(java.util.Comparator.comparing(Target::name)).forEach(h -> {
            List<WindowsFinding> all = matcher.assess(h);
            System.out.println(h.name() + "  " + h.host().osName() + " " + h.host().build() + "  KBs " + h.host().installedUpdates());
            all.stream().filter(f -> f.vulnerability().advisoryId().equals("MS17-010")).findFirst().ifPresent(f ->
                    System.out.println("    MS17-010 " + f.status() + " " + f.requiredKbs() + " " + f.evidence()
                            + (f.mitigations().isEmpty() ? "" : " | " + f.mitigations())));
        });
        assertThat(hosts).isNotEmpty();
    }

    static List<WindowsFinding> ms17010(String host) {
        assertThat(hosts).containsKey(host);
        return matcher.assess(hosts.get(host)).stream()
                .filter(f -> f.vulnerability().advisoryId().equals("MS17-010")).toList();
    }
}
