package org.patchgap.core.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a host inventory says about the operating system itself, beyond its packages.
 *
 * @param osName           product name, e.g. {@code Microsoft Windows 7 Professional} or {@code Debian GNU/Linux}
 * @param osVersion        release, e.g. {@code 6.1.7601}, {@code 12}
 * @param build            full build with update revision where the OS has one, e.g. {@code 10.0.14393.953}
 * @param architecture     e.g. {@code x64}
 * @param servicePack      e.g. {@code Service Pack 1}
 * @param installedUpdates installed update ids, e.g. {@code KB4012212}
 * @param configuration    settings that change exposure, e.g. {@code smb1.server=enabled}
 */
public record HostFacts(
        @Nullable String osName,
        @Nullable String osVersion,
        @Nullable String build,
        @Nullable String architecture,
        @Nullable String servicePack,
        List<String> installedUpdates,
        Map<String, String> configuration) {

    public HostFacts {
        installedUpdates = List.copyOf(installedUpdates);
        configuration = Map.copyOf(configuration);
    }
}
