package org.patchgap.core.purl;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a release out of a purl's {@code distro} qualifier, conservatively: a value we do not recognise gives
 * no release (the plain ecosystem), never a guess.
 */
final class DistroReleases {

    /** Debian codenames with a number, from Debian's distro-info-data; sid keeps its name, as OSV does. */
    private static final Map<String, String> DEBIAN = Map.ofEntries(
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("sid", "sid"));

    /** Ubuntu codenames of the releases OSV has records for, from Ubuntu's release list. */
    private static final Map<String, String> UBUNTU = Map.ofEntries(
            Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"),
            Map.entry("focal", "20.04"), Map.entry("jammy", "22.04"), Map.entry("kinetic", "22.10"),
            Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"), Map.entry("noble", "24.04"),
            Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"), Map.entry("questing", "25.10"));

    private static final Pattern DEBIAN_NUMBER = Pattern.compile("(?:debian-)?(\\d+)(?:\\.\\d+)*");
    private static final Pattern UBUNTU_NUMBER = Pattern.compile("(?:ubuntu-)?(\\d{2})\\.(\\d{2})(?:\\.\\d+)?");
    private static final Pattern ALPINE_NUMBER = Pattern.compile("(?:alpine-)?v?(\\d+)\\.(\\d+)(?:\\.\\d+)*");

    private DistroReleases() {}

    /** {@code debian-12}, {@code debian-12.5}, {@code 12}, {@code bookworm}, {@code debian-bookworm} to {@code 12}. */
    static Optional<String> debian(@Nullable String distro) {
        String value = normalise(distro);
        if (value == null) {
            return Optional.empty();
        }
        Matcher number = DEBIAN_NUMBER.matcher(value);
        if (number.matches()) {
            return Optional.of(number.group(1));
        }
        return Optional.ofNullable(DEBIAN.get(value.startsWith("debian-") ? value.substring(7) : value));
    }

    /**
     * {@code ubuntu-22.04}, {@code 22.04}, {@code jammy} to {@code 22.04:LTS}. OSV spells LTS releases with a
     * mandatory {@code :LTS} suffix; since 6.06 every April release of an even year is LTS.
     */
    static Optional<String> ubuntu(@Nullable String distro) {
        String value = normalise(distro);
        if (value == null) {
            return Optional.empty();
        }
        String release = null;
        Matcher number = UBUNTU_NUMBER.matcher(value);
        if (number.matches()) {
            release = number.group(1) + "." + number.group(2);
        } else {
            release = UBUNTU.get(value.startsWith("ubuntu-") ? value.substring(7) : value);
        }
        if (release == null) {
            return Optional.empty();
        }
        int year = Integer.parseInt(release.substring(0, 2));
        boolean lts = release.endsWith(".04") && year % 2 == 0;
        return Optional.of(lts ? release + ":LTS" : release);
    }

    /** {@code alpine-3.20}, {@code alpine-3.20.3}, {@code 3.20}, {@code v3.20} to {@code v3.20}. */
    static Optional<String> alpine(@Nullable String distro) {
        String value = normalise(distro);
        if (value == null) {
            return Optional.empty();
        }
        Matcher number = ALPINE_NUMBER.matcher(value);
        return number.matches() ? Optional.of("v" + number.group(1) + "." + number.group(2)) : Optional.empty();
    }

    /** {@code rocky-9.3}, {@code 9}, {@code el9} to {@code 9}: OSV scopes RHEL rebuilds by major release. */
    static Optional<String> major(@Nullable String distro, String prefix) {
        String value = normalise(distro);
        if (value == null) {
            return Optional.empty();
        }
        Matcher number = Pattern.compile("(?:" + Pattern.quote(prefix) + "-|el)?(\\d+)(?:\\.\\d+)*").matcher(value);
        return number.matches() ? Optional.of(number.group(1)) : Optional.empty();
    }

    private static @Nullable String normalise(@Nullable String distro) {
        if (distro == null || distro.isBlank()) {
            return null;
        }
        return distro.strip().toLowerCase(Locale.ROOT);
    }
}
