package org.patchgap.formats.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.testing.CanonicalTools;

/**
 * Berkeley DB {@code Packages} databases written by Berkeley DB itself ({@code db5.3_load}) from the headers of a
 * real rpm database, and read both by us and by rpm's own read-only Berkeley DB backend ({@code bdb_ro}).
 */
class RpmBdbReaderTest {

    /** Rocky Linux 8 (as RHEL 8 and AlmaLinux 8) still keeps its packages in Berkeley DB. */
    private static final String ROCKY_8 = """
            NAME="Rocky Linux"
            VERSION="8.9 (Green Obsidian)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="8.9"
            PRETTY_NAME="Rocky Linux 8.9 (Green Obsidian)"
            """;

    @TempDir
    Path work;

    Map<Integer, byte[]> headers;

    @BeforeEach
    void headersOfARealDatabase() throws Exception {
        CanonicalTools.require("Berkeley DB's db5.3_load (Debian package db5.3-util)", "db5.3_load", "-V");
        headers = RpmTestDatabases.headers(RpmTestDatabases.sqlite(work));
    }

    /** Default pages; 512-byte pages (every header in an overflow chain); big-endian; checksummed pages. */
    @ParameterizedTest
    @ValueSource(strings = {"", "db_pagesize=512", "db_lorder=4321 db_pagesize=1024", "chksum=1"})
    void readsWhatRpmsBerkeleyDbBackendReads(String options) throws Exception {
        Path packages = bdb("r8", options);
        ReadResult<Target> result = new RpmBdbReader().read(packages);

        assertThat(result.problems()).isEmpty();
        Target host = result.items().get(0);
        assertThat(host.name()).isEqualTo("Rocky Linux 8.9 (Green Obsidian)");
        assertThat(host.components()).extracting(c -> c.ecosystem() + " " + c.name() + " " + c.version())
                .containsExactlyInAnyOrder("Rocky Linux:8 openssl 1:3.0.7-24.el9",
                        "Rocky Linux:8 openssl 1:3.0.7-24.el9", "Rocky Linux:8 tzdata 2023c-1.el9");
        if (!options.contains("chksum")) { // rpm's bdb_ro cannot read checksummed pages; Berkeley DB can
            List<String> rpmSays = RpmTestDatabases.run("rpm", "--dbpath", packages.getParent().toString(),
                    "--define", "_db_backend bdb_ro", "-qa", "--qf", RpmTestDatabases.QUERY);
            assertThat(host.components().stream().map(RpmTestDatabases::asRpmQa).toList())
                    .containsExactlyInAnyOrderElementsOf(rpmSays);
        }
    }

    @Test
    void aBrokenOverflowChainLosesOnlyItsPackage() throws Exception {
        Path packages = bdb("broken", "db_pagesize=512");
        // Turn the first overflow page into a page of another type: the chain through it breaks.
        try (FileChannel ch = FileChannel.open(packages, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocate(512);
            for (long pgno = 1; pgno * 512 < ch.size(); pgno++) {
                page.clear();
                ch.read(page, pgno * 512);
                if (page.get(25) == 7) {
                    ch.write(ByteBuffer.wrap(new byte[] {5}), pgno * 512 + 25);
                    break;
                }
            }
        }
        ReadResult<Target> result = new RpmBdbReader().read(packages);
        assertThat(result.items().get(0).components()).hasSize(2);
        assertThat(result.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("unreadable record: item ").contains("overflow chain from page").endsWith("; skipped");
    }

    @Test
    void aLeftoverBesideTheSqliteDatabaseIsNotRead() throws Exception {
        Path packages = bdb("converted", "");
        Files.writeString(packages.resolveSibling("rpmdb.sqlite"), "");
        ReadResult<Target> result = new RpmBdbReader().read(packages);
        assertThat(result.items().get(0).components()).isEmpty();
        assertThat(result.problems()).extracting(Problem::message).containsExactly("not read: rpmdb.sqlite in the "
                + "same directory is the database rpm uses (this one is left over from a conversion)");
    }

    @Test
    void otherBerkeleyDbFilesAreBadInputThatSaysWhatTheyAre() throws Exception {
        Path dump = work.resolve("btree.txt");
        Files.writeString(dump, "VERSION=3\nformat=bytevalue\ntype=btree\nHEADER=END\n 01\n 02\nDATA=END\n");
        Path btree = work.resolve("other/var/lib/rpm/Packages");
        Files.createDirectories(btree.getParent());
        RpmTestDatabases.run("db5.3_load", "-f", dump.toString(), btree.toString());
        assertThat(new RpmBdbReader().accepts(btree, Files.readAllBytes(btree))).isFalse();
        assertThatThrownBy(() -> new RpmBdbReader().read(btree)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected rpm's Berkeley DB Packages database: a Berkeley DB btree database");
        Path truncated = work.resolve("short/Packages");
        Files.createDirectories(truncated.getParent());
        Files.write(truncated, new byte[40]);
        assertThatThrownBy(() -> new RpmBdbReader().read(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("too short for a Berkeley DB metadata page");
    }

    @Test
    void aWalkedRocky8RootIsOneImageReadByThisReader() throws Exception {
        bdb("r8", "");
        org.patchgap.formats.walk.WalkResult result = org.patchgap.formats.walk.InventoryWalker
                .withExcludes(List.of("rpmbuild", "root", "*.txt")).walk(work);
        assertThat(result.files()).extracting(f -> f.file() + " " + f.reader())
                .containsExactly("r8/var/lib/rpm/Packages rpmdb-bdb");
        assertThat(result.targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(Target.Kind.IMAGE);
            assertThat(t.components()).hasSize(3);
        });
    }

    /** A {@code var/lib/rpm/Packages} under {@code work/name}, written by db5.3_load with {@code options}. */
    private Path bdb(String name, String options) throws Exception {
        boolean bigEndian = options.contains("4321");
        StringBuilder dump = new StringBuilder("VERSION=3\nformat=bytevalue\ntype=hash\nHEADER=END\n");
        for (Map.Entry<Integer, byte[]> e : headers.entrySet()) {
            byte[] key = ByteBuffer.allocate(4).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .putInt(e.getKey()).array();
            dump.append(' ').append(HexFormat.of().formatHex(key)).append('\n');
            dump.append(' ').append(HexFormat.of().formatHex(e.getValue())).append('\n');
        }
        dump.append("DATA=END\n");
        Path dumpFile = Files.writeString(work.resolve(name + "-dump.txt"), dump);
        Path root = work.resolve(name);
        Path packages = root.resolve("var/lib/rpm/Packages");
        Files.createDirectories(packages.getParent());
        List<String> command = new ArrayList<>(List.of("db5.3_load"));
        for (String option : options.split(" ")) {
            if (!option.isEmpty()) command.addAll(List.of("-c", option));
        }
        command.addAll(List.of("-f", dumpFile.toString(), packages.toString()));
        RpmTestDatabases.run(command.toArray(String[]::new));
        RpmTestDatabases.osRelease(root, ROCKY_8);
        return packages;
    }
}
