package org.patchgap.formats.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.patchgap.core.testing.CanonicalTools;

/** Real rpm databases for the reader tests, made by rpm itself from packages built with rpmbuild. */
final class RpmTestDatabases {

    static final String ROCKY_9 = """
            NAME="Rocky Linux"
            VERSION="9.3 (Blue Onyx)"
            ID="rocky"
            VERSION_ID="9.3"
            PRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"
            """;

    private RpmTestDatabases() {}

    /**
     * {@code work/root/var/lib/rpm/rpmdb.sqlite} holding openssl 1:3.0.7-24.el9 (and its subpackage
     * openssl-libs) and tzdata 2023c-1.el9, with a Rocky Linux 9.3 {@code etc/os-release}.
     */
    static Path sqlite(Path work) throws Exception {
        CanonicalTools.require("rpmbuild (Debian package rpm)", "rpmbuild", "--version");
        Path top = work.resolve("rpmbuild");
        Files.createDirectories(top.resolve("SPECS"));
        // openssl-libs is a subpackage: its SOURCERPM is the openssl source package.
        Files.writeString(top.resolve("SPECS/openssl.spec"), """
                Name: openssl
                Version: 3.0.7
                Release: 24.el9
                Epoch: 1
                Summary: test
                License: Apache-2.0
                BuildArch: noarch
                %description
                test
                %package libs
                Summary: libs
                %description libs
                libs
                %files
                %files libs
                """);
        Files.writeString(top.resolve("SPECS/tzdata.spec"), """
                Name: tzdata
                Version: 2023c
                Release: 1.el9
                Summary: test
                License: Public Domain
                BuildArch: noarch
                %description
                test
                %files
                """);
        for (String spec : List.of("openssl", "tzdata")) {
            run("rpmbuild", "--define", "_topdir " + top, "-bb", top.resolve("SPECS/" + spec + ".spec").toString());
        }
        Path root = work.resolve("root");
        Path dbPath = root.resolve("var/lib/rpm");
        Files.createDirectories(dbPath);
        run("rpm", "--dbpath", dbPath.toString(), "--initdb");
        List<String> install = new ArrayList<>(List.of("rpm", "--dbpath", dbPath.toString(), "-i", "--nodeps",
                "--justdb", "--ignorearch"));
        try (Stream<Path> rpms = Files.walk(top.resolve("RPMS"))) {
            rpms.filter(p -> p.toString().endsWith(".rpm")).sorted().forEach(p -> install.add(p.toString()));
        }
        run(install.toArray(String[]::new));
        // rpm leaves its write-ahead log beside the database; fold it in as a finished transaction would.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbPath.resolve("rpmdb.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        osRelease(root, ROCKY_9);
        return dbPath.resolve("rpmdb.sqlite");
    }

    static void osRelease(Path root, String text) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), text);
    }

    /** The header blobs of a SQLite rpm database by hnum. */
    static Map<Integer, byte[]> headers(Path sqlite) throws Exception {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rows.next()) out.put(rows.getInt(1), rows.getBytes(2));
        }
        return out;
    }

    /** The {@code rpm -qa} query the tests compare with: binary name, epoch:version-release, source RPM. */
    static final String QUERY = "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{SOURCERPM}\\n";

    /** One of our components as {@link #QUERY} prints its package, from the component and its purl. */
    static String asRpmQa(org.patchgap.core.model.Component c) {
        String purl = java.util.Objects.requireNonNull(c.purl(), "rpm components carry a purl");
        String binary = purl.substring(purl.lastIndexOf('/', purl.indexOf('@')) + 1, purl.indexOf('@'));
        String evr = c.version().contains(":") ? c.version() : "0:" + c.version();
        String source = purl.contains("upstream=") ? purl.replaceAll(".*upstream=", "").replaceAll("&.*", "")
                : c.name() + "-" + c.version().replaceFirst("^\\d+:", "") + ".src.rpm";
        return binary + " " + evr + " " + source;
    }

    /** Runs {@code command}, which must exit 0; its standard output lines. */
    static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + err.join()).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
