package org.patchgap.formats.os;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;
import org.patchgap.formats.support.Purls;

/**
 * Turns the package header blobs of one rpm database, whatever its storage (SQLite, Berkeley DB, NDB), into the
 * host's components: one per installed package, named by its source RPM, version {@code [epoch:]version-release}
 * (RpmDbReader's class comment says why).
 */
final class RpmPackageHeaders {

    private final Path database;
    private final Optional<OsRelease> release;
    private final @Nullable String ecosystem;
    private final @Nullable String vendor;
    private final @Nullable String distro;
    private final List<Component> components = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    RpmPackageHeaders(Path database) {
        this.database = database;
        this.release = OsTargets.releaseOf(database);
        this.ecosystem = release.map(OsRelease::ecosystem).orElse(null);
        this.vendor = release.map(OsRelease::id).orElse(null);
        this.distro = release.map(OsRelease::distroQualifier).orElse(null);
    }

    /** A location in this database: {@code where} names the record as its storage does. */
    Location at(String where) {
        return new Location(database.toString(), where);
    }

    void problem(Location location, String message) {
        problems.add(new Problem(location, message));
    }

    /** Adds the package whose header is {@code blob}; a blob that does not decode is a problem, and skipped. */
    void add(byte[] blob, Location location) {
        RpmHeader header;
        try {
            header = RpmHeader.parse(blob);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(location, "unreadable package header: " + e.getMessage() + "; skipped"));
            return;
        }
        String name = header.string(RpmHeader.NAME);
        String version = header.string(RpmHeader.VERSION);
        String rel = header.string(RpmHeader.RELEASE);
        if (name == null || version == null) {
            problems.add(new Problem(location, "package header without name and version; skipped"));
            return;
        }
        if (name.equals("gpg-pubkey")) {
            return; // imported signing keys are recorded as packages, but are not software
        }
        Integer epoch = header.integer(RpmHeader.EPOCH);
        String evr = (epoch != null && epoch != 0 ? epoch + ":" : "") + version + (rel == null ? "" : "-" + rel);
        String sourceName = RpmDbReader.sourceName(header.string(RpmHeader.SOURCERPM));
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

    /** The host target with every package added, and the problems met. */
    ReadResult<Target> result() {
        if (ecosystem == null && !components.isEmpty()) {
            problems.add(0, OsTargets.unplaced(database, release));
        }
        return new ReadResult<>(List.of(OsTargets.host(database, release, components)), List.copyOf(problems));
    }

    /**
     * When one of the {@code newer} databases sits beside {@code database}, rpm uses that one and this file is left
     * over from a conversion: an empty host saying so; else empty, and the caller reads the file.
     */
    static Optional<ReadResult<Target>> supersededBy(Path database, String... newer) {
        for (String name : newer) {
            Path used = database.resolveSibling(name);
            if (java.nio.file.Files.isRegularFile(used)) {
                RpmPackageHeaders headers = new RpmPackageHeaders(database);
                headers.problem(Location.of(database.toString()), "not read: " + name + " in the same "
                        + "directory is the database rpm uses (this one is left over from a conversion)");
                return Optional.of(headers.result());
            }
        }
        return Optional.empty();
    }
}
