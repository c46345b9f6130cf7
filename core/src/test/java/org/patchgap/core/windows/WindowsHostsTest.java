package org.patchgap.core.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Target;

class WindowsHostsTest {

    @Test
    void exportsOfOneHostAreJoined() {
        Target systeminfo = host("WIN7-A", "a/systeminfo.txt",
                new HostFacts("Microsoft Windows 7 Professional", "6.1.7601", "6.1.7601", "x64-based PC", "Service Pack 1",
                        List.of("KB976902"), Map.of()));
        Target hotfix = host("win7-a.corp.example.com", "a/hotfix.json",
                new HostFacts(null, null, null, null, null, List.of("KB4012212", "KB976902"), Map.of()));
        Target computerInfo = host("WIN7-A", "a/computerinfo.json",
                new HostFacts("Microsoft Windows 7 Professional", "6.1.7601", "6.1.7601.23677", "64-bit", null,
                        List.of(), Map.of("os.installation", "client")));
        Target smb = host("a", "a/smb.json", new HostFacts(null, null, null, null, null, List.of(), Map.of("smb1.server", "disabled")));
        Target other = host("WIN10-B", "b.txt", new HostFacts("Microsoft Windows 10 Pro", "10.0.14393", null, null, null, List.of(), Map.of()));
        Target app = new Target("shop", Target.Kind.APPLICATION, "bom.json", List.of());

        List<Target> merged = WindowsHosts.merge(List.of(hotfix, app, systeminfo, other, computerInfo, smb));

        assertThat(merged).extracting(Target::name).containsExactly("WIN7-A", "shop", "WIN10-B", "a");
        HostFacts f = merged.get(0).host();
        assertThat(f.osName()).isEqualTo("Microsoft Windows 7 Professional");
        assertThat(f.build()).isEqualTo("6.1.7601.23677"); // the one with a revision wins
        assertThat(f.architecture()).isEqualTo("x64-based PC");
        assertThat(f.servicePack()).isEqualTo("Service Pack 1");
        assertThat(f.installedUpdates()).containsExactly("KB4012212", "KB976902");
        assertThat(f.configuration()).containsEntry("os.installation", "client");
        assertThat(merged.get(0).source()).isEqualTo("a/hotfix.json, a/systeminfo.txt, a/computerinfo.json");
    }

    @Test
    void ipAddressesAreNotCutAtTheirDots() {
        Target a = host("10.0.0.1", "x", new HostFacts(null, null, null, null, null, List.of("KB1"), Map.of()));
        Target b = host("10.0.0.2", "y", new HostFacts(null, null, null, null, null, List.of("KB2"), Map.of()));
        assertThat(WindowsHosts.merge(List.of(a, b))).hasSize(2);
    }

    static Target host(String name, String source, HostFacts facts) {
        return new Target(name, Target.Kind.HOST, source, List.of(), facts);
    }
}
