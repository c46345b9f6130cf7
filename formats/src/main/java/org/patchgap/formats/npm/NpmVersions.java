package org.patchgap.formats.npm;

import java.util.regex.Pattern;

/** What counts as a registry version in npm lockfiles (semver), as opposed to a URL, path or alias. */
final class NpmVersions {

    private static final Pattern SEMVER = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.+-]*)?");

    private NpmVersions() {}

    static boolean isRegistryVersion(String version) {
        return SEMVER.matcher(version).matches();
    }

    /**
     * The package name of a descriptor such as {@code @babel/core@^7.0.0} or {@code lodash@npm:4.17.21}: everything
     * before the first {@code @} that is not a scope's leading one.
     */
    static String nameOf(String descriptor) {
        int at = descriptor.indexOf('@', descriptor.startsWith("@") ? 1 : 0);
        return at < 0 ? descriptor : descriptor.substring(0, at);
    }

    /** The range part of a descriptor, after the name's {@code @}; empty if there is none. */
    static String rangeOf(String descriptor) {
        int at = descriptor.indexOf('@', descriptor.startsWith("@") ? 1 : 0);
        return at < 0 ? "" : descriptor.substring(at + 1);
    }
}
