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

    private Kb() {}

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
