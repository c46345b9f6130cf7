package org.patchgap.core.version.go;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Go's rules for module and import paths, as {@code golang.org/x/mod/module} checks them ({@code CheckPath},
 * {@code CheckImportPath}; docs/ecosystems/go.md). {@code GoModulePathDifferentialTest} holds them against
 * Debian's copy of x/mod.
 *
 * <p>A path is slash-separated elements, none empty, no leading dash, no trailing slash. An element is ASCII
 * letters, digits and {@code - . _ ~} ({@code +} too in import paths), not only dots, no trailing dot, no leading
 * dot in module paths, not a Windows reserved name before its first dot ({@code CON}, {@code com1.go}), not a
 * Windows short name ({@code PROGRA~1}). A module path's first element also needs a dot, only lower-case letters,
 * digits, {@code -} and {@code .}, and no leading dash; its major-version suffix must be well formed
 * ({@code /v2}, not {@code /v1}, {@code /v0}, {@code /v2.0}; {@code gopkg.in/yaml.v2}).
 */
public final class GoModulePath {

    /** The Go advisory database's names for the standard library and the toolchain, which are not paths. */
    public static final List<String> PSEUDO_MODULES = List.of("stdlib", "toolchain");

    private static final List<String> WINDOWS_RESERVED = List.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2",
            "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
            "LPT7", "LPT8", "LPT9");

    private GoModulePath() {}

    /** Why {@code path} is not a module path Go accepts, or null when it is one. */
    public static @Nullable String moduleProblem(String path) {
        String problem = pathProblem(path, true);
        if (problem != null) return problem;
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (first.isEmpty()) return "leading slash";
        if (first.indexOf('.') < 0) return "missing dot in first path element";
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (!(c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return "invalid char '" + c + "' in first path element";
            }
        }
        return majorSuffixIsValid(path) ? null : "invalid version";
    }

    /** Why {@code path} is not an import path Go accepts (a package inside a module), or null when it is one. */
    public static @Nullable String importProblem(String path) {
        return pathProblem(path, false);
    }

    private static @Nullable String pathProblem(String path, boolean module) {
        if (path.isEmpty()) return "empty string";
        if (path.charAt(0) == '-') return "leading dash";
        if (path.contains("//")) return "double slash";
        if (path.endsWith("/")) return "trailing slash";
        for (String element : path.split("/", -1)) {
            String problem = elementProblem(element, module);
            if (problem != null) return problem;
        }
        return null;
    }

    private static @Nullable String elementProblem(String element, boolean module) {
        if (element.isEmpty()) return "empty path element";
        if (element.chars().allMatch(c -> c == '.')) return "invalid path element '" + element + "'";
        if (element.charAt(0) == '.' && module) return "leading dot in path element";
        if (element.endsWith(".")) return "trailing dot in path element";
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            boolean ok = c == '-' || c == '.' || c == '_' || c == '~' || c >= '0' && c <= '9'
                    || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '+' && !module;
            if (!ok) return "invalid char '" + c + "'";
        }
        int dot = element.indexOf('.');
        String shortName = dot < 0 ? element : element.substring(0, dot);
        if (WINDOWS_RESERVED.contains(shortName.toUpperCase(Locale.ROOT))) {
            return "'" + shortName + "' disallowed as path element component on Windows";
        }
        int tilde = shortName.lastIndexOf('~');
        if (tilde >= 0 && tilde < shortName.length() - 1
                && shortName.substring(tilde + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "trailing tilde and digits in path element";
        }
        return null;
    }

    /** x/mod's SplitPathVersion: a trailing {@code /vN} (or gopkg.in's {@code .vN}) must be a real major version. */
    private static boolean majorSuffixIsValid(String path) {
        if (path.startsWith("gopkg.in/")) {
            int end = path.endsWith("-unstable") ? path.length() - "-unstable".length() : path.length();
            int i = end;
            while (i > 0 && path.charAt(i - 1) >= '0' && path.charAt(i - 1) <= '9') i--;
            if (i <= 1 || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '.') return false;
            String major = path.substring(i - 2); // with any "-unstable", as x/mod compares it
            return major.length() > 2 && (major.charAt(2) != '0' || major.equals(".v0"));
        }
        int i = path.length();
        boolean dot = false;
        while (i > 0 && (path.charAt(i - 1) >= '0' && path.charAt(i - 1) <= '9' || path.charAt(i - 1) == '.')) {
            if (path.charAt(i - 1) == '.') dot = true;
            i--;
        }
        if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') return true;
        String major = path.substring(i - 2);
        return !(dot || major.length() <= 2 || major.charAt(2) == '0' || major.equals("/v1"));
    }
}
