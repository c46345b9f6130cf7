package org.patchgap.core.windows;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KB update identifiers. Inventories write {@code KB4012212}, {@code kb4012212} or {@code KB4012212-v2}; the
 * Security Update Guide writes the bare number {@code 4012212}. All become {@code KB4012212}.
 */
public final class Kb {

    private static final Pattern KB = Pattern.compile("(?i)^\\s*(?:KB)?(\\d{5,8})(?:[-_ ]?v\\d+)?\\s*$");

    /**
     * An installed update as host exports name it: {@code KB} and the number, then optionally what the update was
     * for, after a {@code -}, {@code _} or space: {@code KB2510531-IE8 - Update}, {@code KB975558_WM8},
     * {@code KB925398_WMP64}, {@code KB2834904-v2_WM11} (XP, Server 2003 and Vista lists name component updates
     * so). The {@code KB} prefix is required here, so that a bare number with words after it is not taken for one.
     */
    private static final Pattern INSTALLED = Pattern.compile("(?i)^\\s*KB(\\d{5,8})(?:([-_ ].*?))?\\s*$");

    /** An installed update: its canonical KB id, and the suffix the export wrote after it, or null. */
    public record Installed(String kb, String detail) {}

    private Kb() {}

    /**
     * The update an installed-update entry names: every form {@link #normalize} takes (detail null), and KB ids with a
     * suffix (detail: the suffix as written, e.g. {@code -IE8 - Update}); empty for what is no KB update ({@code File 1},
     * {@code Q147222}).
     */
    public static Optional<Installed> installed(String text) {
        if (text == null) return Optional.empty();
        Optional<String> plain = normalize(text);
        if (plain.isPresent()) return Optional.of(new Installed(plain.get(), null));
        Matcher m = INSTALLED.matcher(text);
        return m.matches() ? Optional.of(new Installed("KB" + m.group(1), m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip()))
                : Optional.empty();
    }

    /** The canonical {@code KB<digits>} form of {@code text}, or empty when it is not a KB id. */
    public static Optional<String> normalize(String text) {
        if (text == null) return Optional.empty();
        Matcher m = KB.matcher(text);
        return m.matches() ? Optional.of("KB" + m.group(1)) : Optional.empty();
    }

    /** The number of a canonical KB id, for the "later than" heuristic (KB numbers grow over time). */
    static long number(String kb) {
        return Long.parseLong(kb.toUpperCase(Locale.ROOT).replace("KB", ""));
    }
}
