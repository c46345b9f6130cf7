package org.patchgap.formats.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.InventoryReaders;

/**
 * Every Windows export fixture through {@link InventoryReaders}: which reader takes it (by content, whatever
 * its name), and what it reads, or the error it gives. Fixtures are in the encodings Windows writes (see the
 * README beside them). A host reads as {@code name | OS name | build | architecture | service pack | KBs | configuration}.
 */
class WindowsInventoryReadersTest {

    record Case(String fixture, String reader, List<String> hosts, int problems, String error) {
        static Case reads(String fixture, String reader, int problems, String... hosts) {
            return new Case(fixture, reader, List.of(hosts), problems, null);
        }

        static Case fails(String fixture, String reader, String error) {
            return new Case(fixture, reader, List.of(), 0, error);
        }

        static Case notTaken(String fixture) {
            return new Case(fixture, null, List.of(), 0, null);
        }
    }

    static final List<Case> CASES = List.of(
            // systeminfo, default list layout
            Case.reads("systeminfo-win7-list.ansi.txt", "windows-systeminfo", 0,
                    "WIN7-A | Microsoft Windows 7 Professional | 6.1.7601 | x64-based PC | Service Pack 1 | [KB2534111, KB976902, KB4012215] | {}"),
            Case.reads("systeminfo-win10-list.utf16.txt", "windows-systeminfo", 0,
                    "WIN10-A | Microsoft Windows 10 Pro | 10.0.14393 | x64-based PC | - | [KB3176936, KB4013429] | {}"),
            Case.reads("systeminfo-two-hosts-list.ansi.txt", "windows-systeminfo", 0,
                    "WIN7-A | Microsoft Windows 7 Professional | 6.1.7601 | X86-based PC | Service Pack 1 | [KB4012212] | {}",
                    "SRV-B | Microsoft Windows Server 2008 R2 Standard | 6.1.7601 | x64-based PC | Service Pack 1 | [KB976902] | {}"),
            Case.reads("systeminfo-missing-os-version.ansi.txt", "windows-systeminfo", 1),
            // Windows XP / Server 2003 name component updates with a suffix: read as the KB, the suffix kept as detail.
            Case.reads("systeminfo-xp-suffixed-kbs.ansi.txt", "windows-systeminfo", 0,
                    "XP-POS09 | Microsoft Windows XP Professional | 5.1.2600 | X86-based PC | Service Pack 3 | "
                            + "[KB958644, KB2510531, KB975558, KB925398, KB4012598] | {update-detail.KB2510531=-IE8, "
                            + "update-detail.KB925398=_WMP64, update-detail.KB975558=_WM8}"),
            Case.fails("systeminfo-german-list.ansi.txt", "windows-systeminfo",
                    "line 2: systeminfo output with labels in another language (found 'Hostname'"),
            // systeminfo /fo csv
            Case.reads("systeminfo-2016.csv", "windows-systeminfo", 0,
                    "SRV2016-A | Microsoft Windows Server 2016 Datacenter | 10.0.14393 | x64-based PC | - | [KB3192137, KB4013429] | {}"),
            Case.reads("systeminfo-two-hosts.utf16.csv", "windows-systeminfo", 1,
                    "SRV2012-A | Microsoft Windows Server 2012 R2 Standard | 6.3.9600 | x64-based PC | - | [KB2919355, KB4012213] | {}",
                    "SRV2012-B | Microsoft Windows Server 2012 R2 Standard | 6.3.9600 | x64-based PC | - | [KB2919355] | {}"),
            Case.fails("systeminfo-french.csv", "windows-systeminfo", "labels in another language (found 'Nom de l\u2019hôte'"),
            // wmic qfe
            Case.reads("wmic-qfe-table.utf16.txt", "windows-wmic-qfe", 0,
                    "WIN10-B | - | - | - | - | [KB3176936, KB4013429] | {}"),
            Case.reads("wmic-qfe-list-full.utf16.txt", "windows-wmic-qfe", 0,
                    "WIN10-B | - | - | - | - | [KB3176936, KB4013429] | {}"),
            Case.reads("wmic-qfe.utf16.csv", "windows-wmic-qfe", 0,
                    "WIN10-B | - | - | - | - | [KB3176936, KB4013429] | {}",
                    "WIN10-C | - | - | - | - | [KB3176936] | {}"),
            // The first wmic run on a machine prints an install notice before the table.
            Case.reads("wmic-qfe-xp-first-run.ansi.txt", "windows-wmic-qfe", 2,
                    "XP-POS09 | - | - | - | - | [KB2834904, KB925398, KB975558, KB4012598] | {update-detail.KB2834904=-v2_WM11, "
                            + "update-detail.KB925398=_WMP64, update-detail.KB975558=_WM8}"),
            Case.reads("wmic-qfe-bad-row.csv", "windows-wmic-qfe", 1,
                    "WIN10-B | - | - | - | - | [KB4013429] | {}"),
            // PowerShell
            Case.reads("get-hotfix.utf16.json", "windows-get-hotfix-json", 0,
                    "WIN81-A | - | - | - | - | [KB2919355, KB4012213] | {}"),
            Case.reads("get-hotfix-single.json", "windows-get-hotfix-json", 0,
                    "WIN81-A | - | - | - | - | [KB4012216] | {}"),
            Case.fails("get-hotfix-broken.json", "windows-get-hotfix-json", "get-hotfix-broken.json at line 8, column 1: malformed JSON"),
            Case.reads("get-computerinfo-server-core.utf16.json", "windows-get-computerinfo-json", 0,
                    "SRV2016-CORE | Microsoft Windows Server 2016 Datacenter | 10.0.14393.953 | 64-bit | - | [KB3192137, KB4013429] | {os.installation=server core}"),
            Case.reads("get-computerinfo-win7-no-hotfixes.json", "windows-get-computerinfo-json", 0,
                    "WIN7-C | Microsoft Windows 7 Professional | 6.1.7601.23677 | 64-bit | Service Pack 1 | [] | {os.installation=client}"),
            Case.fails("get-computerinfo-not-elevated.json", "windows-get-computerinfo-json", "expected Get-ComputerInfo properties OsName and OsVersion"),
            Case.reads("smb-server-configuration.utf16.json", "windows-smb-configuration-json", 0,
                    "inventories | - | - | - | - | [] | {smb1.server=disabled}"),
            Case.reads("smb1-optional-feature.json", "windows-smb-configuration-json", 0,
                    "SRV2019-A | - | - | - | - | [] | {smb1.feature=disabled}"),
            Case.fails("smb1-optional-feature-numeric-state.json", "windows-smb-configuration-json",
                    "/State: expected the feature state as a word"),
            // osquery
            Case.reads("osquery-osqueryi.json", "osquery-windows", 0,
                    "SRV2019-B | Microsoft Windows Server 2019 Datacenter | 10.0.17763.1879 | 64-bit | - | [KB4589208, KB5001342] | {}"),
            Case.reads("osquery-results.log", "osquery-windows", 1,
                    "WIN10-Q | Microsoft Windows 10 Enterprise | 10.0.14393 | 64-bit | - | [KB4013429] | {}"),
            // Not Windows exports: left to other readers.
            Case.notTaken("osquery-linux-os-version.json"),
            Case.notTaken("cyclonedx.json"),
            Case.notTaken("empty.txt"));

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.fixture(), () -> {
            Path file = fixture(c.fixture());
            Optional<InventoryReader> reader = InventoryReaders.readerFor(file);
            if (c.reader() == null) {
                assertThat(reader.map(InventoryReader::name).filter(n -> n.startsWith("windows") || n.startsWith("osquery-windows")))
                        .as("no Windows reader takes %s", c.fixture()).isEmpty();
                return;
            }
            assertThat(reader).as("reader for %s", c.fixture()).map(InventoryReader::name).hasValue(c.reader());
            if (c.error() != null) {
                assertThatThrownBy(() -> reader.get().read(file)).isInstanceOf(BadInputException.class)
                        .hasMessageContaining(c.fixture()).hasMessageContaining(c.error());
                return;
            }
            ReadResult<Target> r = reader.get().read(file);
            assertThat(r.items()).extracting(WindowsInventoryReadersTest::describe).containsExactlyElementsOf(c.hosts());
            assertThat(r.items()).allSatisfy(t -> assertThat(t.kind()).isEqualTo(Target.Kind.HOST));
            assertThat(r.problems()).as("problems %s", r.problems()).hasSize(c.problems());
        }));
    }

    @Test
    void detectionIsByContentNotByName() throws Exception {
        Path renamed = Files.createTempFile("export", ".dat");
        try {
            Files.copy(fixture("wmic-qfe-table.utf16.txt"), renamed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(InventoryReaders.readerFor(renamed)).map(InventoryReader::name).hasValue("windows-wmic-qfe");
            Files.copy(fixture("systeminfo-two-hosts.utf16.csv"), renamed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(InventoryReaders.readerFor(renamed)).map(InventoryReader::name).hasValue("windows-systeminfo");
        } finally {
            Files.deleteIfExists(renamed);
        }
    }

    @Test
    void problemsNameTheFileAndPlace() throws Exception {
        Path file = fixture("systeminfo-two-hosts.utf16.csv");
        ReadResult<Target> r = InventoryReaders.read(file);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).endsWith("systeminfo-two-hosts.utf16.csv");
            assertThat(p.location().place()).isEqualTo("line 4");
            assertThat(p.message()).contains("expected 33 CSV fields");
        });
    }

    @Test
    void anUpdateIdThatIsNoKbIsNamedWithItsLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // wmic's CSV of an old XP host, as in examples/inventories/windows/xp-pos04/qfe.csv (shortened).
        Path csv = Files.writeString(dir.resolve("qfe.csv"), "\r\nNode,CSName,HotFixID\r\nXP-POS04,XP-POS04,File 1\r\n"
                + "XP-POS04,XP-POS04,KB958644\r\nXP-POS04,XP-POS04,Q147222\r\n");
        assertThat(InventoryReaders.read(csv).problems()).extracting(p -> p.location().place() + ": " + p.message())
                .containsExactly("line 3: not a KB update id, ignored: 'File 1'",
                        "line 5: not a KB update id, ignored: 'Q147222'");

        Path list = Files.writeString(dir.resolve("qfe.txt"), "\r\nCSName=XP-POS04\r\nHotFixID=File 1\r\n\r\n"
                + "CSName=XP-POS04\r\nHotFixID=KB958644\r\n");
        assertThat(InventoryReaders.read(list).problems()).extracting(p -> p.location().place())
                .containsExactly("line 3");
    }

    @Test
    void windowsTextDecodings() {
        byte[] utf16 = "\uFEFFHost Name:\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(WindowsText.decode(utf16)).isEqualTo("Host Name:\r\n");
        byte[] noBom = "Node,HotFixID".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(WindowsText.decode(noBom)).isEqualTo("Node,HotFixID");
        byte[] ansi = {'P', 'C', (byte) 0xE9}; // é in windows-1252, invalid as UTF-8
        assertThat(WindowsText.decode(ansi)).isEqualTo("PCé");
        assertThat(WindowsText.lines("a\r\r\nb\r\nc\nd")).containsExactly("a", "b", "c", "d");
    }

    static String describe(Target t) {
        HostFacts h = t.host();
        return String.join(" | ", t.name(), dash(h.osName()), dash(h.build()), dash(h.architecture()), dash(h.servicePack()),
                h.installedUpdates().toString(), new java.util.TreeMap<>(h.configuration()).toString());
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(WindowsInventoryReadersTest.class.getResource("/windows/inventories/" + name).toURI());
    }
}
