package org.patchgap.formats.os;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.InventoryReader;
import org.patchgap.formats.support.Heads;
import org.patchgap.formats.support.Purls;

/**
 * RPM's SQLite package database ({@code var/lib/rpm/rpmdb.sqlite}, or {@code usr/lib/sysimage/rpm/} on newer
 * Fedora and SUSE), the default since RPM 4.16 (RHEL 9, Rocky and AlmaLinux 9, Fedora 33+). Each row of its
 * {@code Packages} table is one installed package's header blob, decoded by {@link RpmHeader}.
 *
 * <p>As Rocky Linux and AlmaLinux advisories name source packages, a component is named by the source RPM
 * ({@code SOURCERPM} without {@code -version-release.src.rpm}), version {@code [epoch:]version-release}; the
 * binary package stays in the purl with the source in its {@code upstream} qualifier. The distribution comes
 * from {@code etc/os-release} of the same root. The database is opened read-only and immutable, so nothing is
 * written beside it (an unpacked image may be read-only).
 */
public final class RpmDbReader implements InventoryReader {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public String name() {
        return "rpmdb-sqlite";
    }

    @Override
    public boolean accepts(Path file, byte[] head) {
        if (!Heads.fileName(file).equals("rpmdb.sqlite") || head.length < MAGIC.length) {
            return false;
        }
        return java.util.Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    @Override
    public ReadResult<Target> read(Path file) throws BadInputException {
        RpmPackageHeaders headers = new RpmPackageHeaders(file);
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1";
        try (Connection connection = DriverManager.getConnection(url.replace("jdbc:sqlite:file://", "jdbc:sqlite:file:"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(2);
                headers.add(blob == null ? new byte[0] : blob, headers.at("Packages hnum " + rows.getLong(1)));
            }
        } catch (SQLException e) {
            throw new BadInputException(Location.of(file.toString()), "expected an RPM SQLite database with a "
                    + "Packages table: " + e.getMessage());
        }
        return headers.result();
    }

    /** {@code openssl-3.0.7-24.el9.src.rpm} gives {@code openssl}: the name is what precedes version and release. */
    static @Nullable String sourceName(@Nullable String sourceRpm) {
        if (sourceRpm == null || sourceRpm.isBlank()) {
            return null;
        }
        String s = sourceRpm.replaceFirst("\\.(no)?src\\.rpm$", "");
        int releaseDash = s.lastIndexOf('-');
        int versionDash = releaseDash <= 0 ? -1 : s.lastIndexOf('-', releaseDash - 1);
        return versionDash <= 0 ? null : s.substring(0, versionDash);
    }
}
