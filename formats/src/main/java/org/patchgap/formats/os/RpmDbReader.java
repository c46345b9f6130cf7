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
        Optional<OsRelease> release = OsTargets.releaseOf(file);
        String ecosystem = release.map(OsRelease::ecosystem).orElse(null);
        String vendor = release.map(OsRelease::id).orElse(null);
        String distro = release.map(OsRelease::distroQualifier).orElse(null);
        String source = file.toString();
        List<Component> components = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1";
        try (Connection connection = DriverManager.getConnection(url.replace("jdbc:sqlite:file://", "jdbc:sqlite:file:"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT hnum, blob FROM Packages ORDER BY hnum")) {
            while (rows.next()) {
                long hnum = rows.getLong(1);
                Location location = new Location(source, "Packages hnum " + hnum);
                RpmHeader header;
                try {
                    byte[] blob = rows.getBytes(2);
                    header = RpmHeader.parse(blob == null ? new byte[0] : blob);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(location, "unreadable package header: " + e.getMessage() + "; skipped"));
                    continue;
                }
                String name = header.string(RpmHeader.NAME);
                String version = header.string(RpmHeader.VERSION);
                String rel = header.string(RpmHeader.RELEASE);
                if (name == null || version == null) {
                    problems.add(new Problem(location, "package header without name and version; skipped"));
                    continue;
                }
                if (name.equals("gpg-pubkey")) {
                    continue; // imported signing keys are recorded as packages, but are not software
                }
                Integer epoch = header.integer(RpmHeader.EPOCH);
                String evr = (epoch != null && epoch != 0 ? epoch + ":" : "") + version + (rel == null ? "" : "-" + rel);
                String sourceName = sourceName(header.string(RpmHeader.SOURCERPM));
                String componentName = sourceName == null ? name : sourceName;
                Map<String, @Nullable String> qualifiers = new LinkedHashMap<>();
                qualifiers.put("arch", header.string(RpmHeader.ARCH));
                qualifiers.put("epoch", epoch == null || epoch == 0 ? null : String.valueOf(epoch));
                qualifiers.put("distro", distro);
                qualifiers.put("upstream", componentName.equals(name) ? null : header.string(RpmHeader.SOURCERPM));
                String purlVersion = version + (rel == null ? "" : "-" + rel);
                components.add(new Component(ecosystem, componentName, evr,
                        vendor == null ? null : Purls.of("rpm", vendor, name, purlVersion, qualifiers), location));
            }
        } catch (SQLException e) {
            throw new BadInputException(Location.of(source), "expected an RPM SQLite database with a Packages "
                    + "table: " + e.getMessage());
        }
        if (ecosystem == null && !components.isEmpty()) {
            problems.add(0, OsTargets.unplaced(file, release));
        }
        return new ReadResult<>(List.of(OsTargets.host(file, release, components)), problems);
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
