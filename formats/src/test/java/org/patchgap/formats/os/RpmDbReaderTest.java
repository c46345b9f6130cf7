package org.patchgap.formats.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.core.testing.CanonicalTools;

/**
 * A real rpmdb.sqlite, made by rpm itself: packages built with rpmbuild and recorded with
 * {@code rpm --justdb}, then read by us and compared with what {@code rpm -qa} says of the same database.
 */
class RpmDbReaderTest {

    @TempDir
    Path work;

    Path root;
    Path db;

    @BeforeEach
    void buildDatabase() throws Exception {
        db = RpmTestDatabases.sqlite(work);
        root = db.getParent().getParent().getParent().getParent();
    }

    @Test
    void readsWhatRpmItselfListsNamedBySourcePackage() throws Exception {
        ReadResult<Target> result = new RpmDbReader().read(db);

        Target host = result.items().get(0);
        assertThat(host.name()).isEqualTo("Rocky Linux 9.3 (Blue Onyx)");
        assertThat(result.problems()).isEmpty();
        assertThat(host.components()).extracting(c -> c.ecosystem() + " " + c.name() + " " + c.version() + " " + c.purl())
                .containsExactlyInAnyOrder(
                        "Rocky Linux:9 openssl 1:3.0.7-24.el9 pkg:rpm/rocky/openssl@3.0.7-24.el9?arch=noarch&distro=rocky-9.3&epoch=1",
                        "Rocky Linux:9 openssl 1:3.0.7-24.el9 pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=noarch&distro=rocky-9.3&epoch=1&upstream=openssl-3.0.7-24.el9.src.rpm",
                        "Rocky Linux:9 tzdata 2023c-1.el9 pkg:rpm/rocky/tzdata@2023c-1.el9?arch=noarch&distro=rocky-9.3");

        // The differential part: every package rpm lists, with its epoch, version and release, is ours.
        List<String> rpmSays = run("rpm", "--dbpath", db.getParent().toString(), "-qa", "--qf", RpmTestDatabases.QUERY);
        List<String> ours = host.components().stream().map(RpmTestDatabases::asRpmQa).toList();
        assertThat(ours).containsExactlyInAnyOrderElementsOf(rpmSays);
    }

    @Test
    void aWalkedRootWithAnRpmDatabaseIsOneImage() throws Exception {
        org.patchgap.formats.walk.WalkResult result = org.patchgap.formats.walk.InventoryWalker
                .withExcludes(List.of("rpmbuild")).walk(work);
        assertThat(result.targets()).extracting(Target::name, Target::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("root (Rocky Linux 9.3 (Blue Onyx))", Target.Kind.IMAGE));
        assertThat(result.targets().get(0).components()).hasSize(3);
        assertThat(result.files()).extracting(f -> f.file() + " " + f.reader())
                .containsExactly("root/var/lib/rpm/rpmdb.sqlite rpmdb-sqlite");
    }

    @Test
    void aBrokenHeaderIsSkippedAndTheRestRead() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE Packages SET blob = x'0000000100000010' WHERE hnum = (SELECT MIN(hnum) FROM Packages)");
        }
        ReadResult<Target> result = new RpmDbReader().read(db);
        assertThat(result.items().get(0).components()).hasSize(2);
        assertThat(result.problems()).extracting(Problem::message)
                .containsExactly("unreadable package header: header of 1 entries and 16 data bytes does not fit in 8 bytes; skipped");
    }

    @Test
    void anSqliteFileWithoutPackagesIsBadInput() throws SQLException {
        Path other = work.resolve("other/var/lib/rpm/rpmdb.sqlite");
        other.getParent().toFile().mkdirs();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT)");
        }
        assertThatThrownBy(() -> new RpmDbReader().read(other)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected an RPM SQLite database with a Packages table");
    }

    @Test
    void sourcePackageNames() {
        assertThat(RpmDbReader.sourceName("openssl-3.0.7-24.el9.src.rpm")).isEqualTo("openssl");
        assertThat(RpmDbReader.sourceName("python-dnf-plugins-core-4.3.0-11.el9_3.src.rpm")).isEqualTo("python-dnf-plugins-core");
        assertThat(RpmDbReader.sourceName("kernel-5.14.0-362.8.1.el9_3.nosrc.rpm")).isEqualTo("kernel");
        assertThat(RpmDbReader.sourceName("(none)")).isNull();
    }

    private static List<String> run(String... command) throws IOException, InterruptedException {
        return RpmTestDatabases.run(command);
    }
}
