package org.patchgap.formats.windows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Target;
import org.patchgap.core.windows.Kb;

/** Collects the facts of one host while a reader goes through an export. */
final class HostBuilder {

    @Nullable String name;
    @Nullable String osName;
    @Nullable String osVersion;
    @Nullable String build;
    @Nullable String architecture;
    @Nullable String servicePack;
    final Set<String> updates = new LinkedHashSet<>();
    final Map<String, String> configuration = new LinkedHashMap<>();

    HostBuilder(@Nullable String name) {
        this.name = blankToNull(name);
    }

    /** The configuration key under which an update's suffix ({@code _WM8}, {@code -IE8 - Update}) is kept. */
    static final String UPDATE_DETAIL = "update-detail.";

    /**
     * Adds an update id if it names a KB ({@code File 1} and {@code Q147222} entries on old systems do not); a suffix
     * after the KB id is kept as detail in the configuration ({@code update-detail.KB975558=_WM8}).
     */
    boolean addUpdate(@Nullable String id) {
        if (id == null) return false;
        Optional<Kb.Installed> update = Kb.installed(id);
        update.ifPresent(u -> {
            updates.add(u.kb());
            if (u.detail() != null) configuration.merge(UPDATE_DETAIL + u.kb(), u.detail().strip(), (a, b) -> a + "; " + b);
        });
        return update.isPresent();
    }

    /**
     * The target. Exports that carry no computer name (Get-SmbServerConfiguration run locally) are named after
     * the directory they are in, so that {@code WindowsHosts.merge} joins them with the other exports of that host
     * when its directory is named after it.
     */
    Target build(Path file) {
        String n = name;
        if (n == null) {
            Path dir = file.toAbsolutePath().getParent();
            n = dir == null || dir.getFileName() == null ? file.getFileName().toString() : dir.getFileName().toString();
        }
        return new Target(n, Target.Kind.HOST, file.toString(), List.of(),
                new HostFacts(osName, osVersion, build, architecture, servicePack, List.copyOf(updates), configuration));
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
