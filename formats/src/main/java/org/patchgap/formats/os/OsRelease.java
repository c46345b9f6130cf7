package org.patchgap.formats.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.HostFacts;

/**
 * The distribution of an operating-system root, from its {@code etc/os-release} (os-release(5): shell-style
 * {@code KEY=value} lines, values optionally quoted), and the OSV ecosystem its packages are matched in.
 */
record OsRelease(Map<String, String> fields) {

    OsRelease {
        fields = Map.copyOf(fields);
    }

    /** From os-release fields gathered elsewhere (osquery's {@code os_version}). */
    static OsRelease of(Map<String, String> fields) {
        return new OsRelease(fields);
    }

    static OsRelease parse(List<String> lines) {
        Map<String, String> fields = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || equals <= 0) {
                continue;
            }
            fields.put(line.substring(0, equals), unquote(line.substring(equals + 1).strip()));
        }
        return new OsRelease(fields);
    }

    /**
     * Reads {@code etc/os-release} of {@code root}, falling back to {@code usr/lib/os-release} as os-release(5)
     * says. On Debian {@code etc/os-release} is a symbolic link to {@code ../usr/lib/os-release}; in an unpacked
     * image an absolute link target means a path inside the image, so links are followed inside the root only.
     */
    static Optional<OsRelease> of(Path root) {
        for (String candidate : List.of("etc/os-release", "usr/lib/os-release")) {
            Path file = RootPaths.resolve(root, candidate);
            if (file != null && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return Optional.of(parse(Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Nullable String get(String key) {
        return fields.get(key);
    }

    String id() {
        return fields.getOrDefault("ID", "linux").toLowerCase(Locale.ROOT);
    }

    /** A human name: {@code PRETTY_NAME}, else {@code NAME VERSION_ID}. */
    String prettyName() {
        String pretty = fields.get("PRETTY_NAME");
        if (pretty != null && !pretty.isBlank()) {
            return pretty;
        }
        return (fields.getOrDefault("NAME", "Linux") + " " + fields.getOrDefault("VERSION_ID", "")).strip();
    }

    /**
     * The OSV ecosystem of this distribution's packages ({@code ecosystems.json} of the OSV schema):
     * {@code Debian:12} (major release; {@code Debian} alone for testing and unstable, which have no
     * {@code VERSION_ID}), {@code Ubuntu:22.04:LTS} ({@code :LTS} is mandatory for LTS releases, which os-release
     * marks in {@code VERSION}), {@code Alpine:v3.20} (release branch, {@code v} required). Other distributions
     * are not placed: their packages are listed but not matched, rather than matched against the wrong data.
     */
    @Nullable String ecosystem() {
        String version = fields.get("VERSION_ID");
        switch (id()) {
            case "debian" -> {
                return version == null || version.isBlank() ? "Debian" : "Debian:" + major(version);
            }
            case "ubuntu" -> {
                if (version == null || version.isBlank()) {
                    return null;
                }
                boolean lts = fields.getOrDefault("VERSION", "").contains("LTS");
                return "Ubuntu:" + version + (lts ? ":LTS" : "");
            }
            case "alpine" -> {
                if (version == null || version.isBlank()) {
                    return null;
                }
                String[] parts = version.split("\\.");
                return parts.length >= 2 ? "Alpine:v" + parts[0] + "." + digits(parts[1]) : null;
            }
            case "rocky" -> {
                return version == null ? "Rocky Linux" : "Rocky Linux:" + major(version);
            }
            case "almalinux" -> {
                return version == null ? "AlmaLinux" : "AlmaLinux:" + major(version);
            }
            default -> {
                return null;
            }
        }
    }

    /** The purl {@code distro} qualifier, e.g. {@code debian-12}, {@code alpine-3.20.3}. */
    String distroQualifier() {
        String version = fields.get("VERSION_ID");
        return version == null ? id() : id() + "-" + version;
    }

    HostFacts facts() {
        return new HostFacts(fields.getOrDefault("NAME", prettyName()), fields.get("VERSION_ID"), null, null, null,
                List.of(), Map.of());
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static String digits(String s) {
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            String inner = value.substring(1, value.length() - 1);
            return value.startsWith("\"") ? inner.replaceAll("\\\\([\"\\\\$`])", "$1") : inner;
        }
        return value;
    }
}
