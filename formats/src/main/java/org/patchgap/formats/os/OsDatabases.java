package org.patchgap.formats.os;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where operating-system package databases live inside a root, so that a database file can be tied to its root
 * (and the root's {@code etc/os-release}) and the walker can gather one root's databases into one target.
 */
public final class OsDatabases {

    /** Database paths relative to the root, most specific first. */
    static final List<String> PATHS = List.of("var/lib/dpkg/status", "lib/apk/db/installed",
            "var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite", "var/lib/rpm/Packages",
            "usr/lib/sysimage/rpm/Packages", "var/lib/rpm/Packages.db", "usr/lib/sysimage/rpm/Packages.db");

    private OsDatabases() {}

    /**
     * The root of the system that {@code file} is the package database of: {@code /x/var/lib/dpkg/status} gives
     * {@code /x}; a file in {@code var/lib/dpkg/status.d/} (distroless images) likewise; empty for other files.
     */
    public static Optional<Path> rootOf(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        for (String relative : PATHS) {
            if (normal.endsWith(relative)) {
                return Optional.of(up(normal, Path.of(relative).getNameCount()));
            }
        }
        Path parent = normal.getParent();
        if (parent != null && parent.endsWith("var/lib/dpkg/status.d")) {
            return Optional.of(up(normal, 5));
        }
        return Optional.empty();
    }

    private static Path up(Path file, int levels) {
        Path p = file;
        for (int i = 0; i < levels && p != null; i++) {
            p = p.getParent();
        }
        return p == null ? file.getRoot() : p;
    }
}
