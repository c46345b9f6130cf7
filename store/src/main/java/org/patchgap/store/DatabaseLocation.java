package org.patchgap.store;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the advisory database lives, first match wins:
 * <ol>
 *   <li>the global option {@code --db PATH};</li>
 *   <li>the environment variable {@code PATCHGAP_DB};</li>
 *   <li>{@code $XDG_DATA_HOME/patchgap} when {@code XDG_DATA_HOME} is set to an absolute path;</li>
 *   <li>on Windows {@code %LOCALAPPDATA%\patchgap};</li>
 *   <li>{@code ~/.local/share/patchgap}.</li>
 * </ol>
 * The path names a directory: it holds {@code advisories.pgdb} and the {@code downloads/} cache.
 */
public final class DatabaseLocation {

    public static final String ENVIRONMENT_VARIABLE = "PATCHGAP_DB";

    private DatabaseLocation() {}

    /** Resolves with this process's environment and home directory. */
    public static Path resolve(@Nullable Path option) {
        return resolve(option, System.getenv(), System.getProperty("user.home"),
                System.getProperty("os.name", "").startsWith("Windows"));
    }

    static Path resolve(@Nullable Path option, Map<String, String> env, String userHome, boolean windows) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String explicit = env.get(ENVIRONMENT_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        // XDG Base Directory Specification: a relative value is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "patchgap");
        }
        String localAppData = env.get("LOCALAPPDATA");
        if (windows && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "patchgap");
        }
        return Path.of(userHome, ".local", "share", "patchgap");
    }
}
