package org.patchgap.formats.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.AffectedWindowsProduct;
import org.patchgap.core.windows.WindowsFinding.Status;
import org.patchgap.core.windows.WindowsFix;
import org.patchgap.core.windows.WindowsMatcher;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.core.testing.SharedData;

class CsafReaderTest {

    @Test
    void readsWindowsProductsFixesAndFixedBuilds() throws Exception {
        ReadResult<WindowsVulnerability> r = WindowsAdvisories.read(fixture("windows-csaf-2.0.json"));
        assertThat(r.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2017-0144");
            assertThat(v.advisoryId()).isEqualTo("TEST-MS17-010-CSAF");
            assertThat(v.description()).isEqualTo("A remote code execution flaw in the SMBv1 server.");
            assertThat(v.workarounds()).containsExactly("Disable SMBv1");
            assertThat(v.affected()).extracting(AffectedWindowsProduct::name).containsExactly(
                    "Windows 7 for x64-based Systems Service Pack 1", "Windows 10 Version 1607 for x64-based Systems",
                    "Windows Server 2016");
            assertThat(v.affected().get(0).fixes()).extracting(WindowsFix::kb).containsExactly("KB4012212", "KB4012215");
            assertThat(v.affected().get(1).fixes()).allSatisfy(f -> {
                assertThat(f.kb()).isEqualTo("KB4013429");
                assertThat(f.fixedBuild()).hasToString("10.0.14393.953");
            });
            assertThat(v.affected().get(2).fixes()).singleElement()
                    .satisfies(f -> assertThat(f.fixedBuild()).hasToString("10.0.14393.953"));
            assertThat(v.affected().get(1).severity().level()).isEqualTo(SeverityLevel.HIGH);
            assertThat(v.affected().get(1).severity().score()).isEqualTo(8.1);
        });
        assertThat(r.problems()).extracting(p -> p.location().place() + ": " + p.message()).containsExactly(
                "/vulnerabilities/0/product_status: product_id MISSING is not in the product tree; ignored",
                "/vulnerabilities/2: no cve; vulnerability skipped");
    }

    @Test
    void csafAdvisoriesMatchLikeCvrfOnes() throws Exception {
        WindowsMatcher matcher = new WindowsMatcher(WindowsAdvisories.read(fixture("windows-csaf-2.0.json")).items());
        Target below = new Target("srv", Target.Kind.HOST, "x", List.of(), new HostFacts(
                "Microsoft Windows Server 2016 Standard", "10.0.14393", "10.0.14393.693", "64-bit", null, List.of("KB3192137"), java.util.Map.of()));
        assertThat(matcher.match(below)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.EXPOSED);
            assertThat(f.fixedBuild()).isEqualTo("10.0.14393.953");
        });
    }

    @Test
    void otherVendorsCsafHasNoWindowsVulnerabilities() throws Exception {
        Path dir = SharedData.require("csaf");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(WindowsAdvisories.isCsaf(f)).isTrue());
        for (Path f : files) {
            assertThat(WindowsAdvisories.read(f).items()).as(f.toString()).isEmpty();
        }
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CsafReaderTest.class.getResource("/windows/csaf/" + name).toURI());
    }
}
