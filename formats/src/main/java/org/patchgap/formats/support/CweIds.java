package org.patchgap.formats.support;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * CWE ids as the sources write them, in one spelling ({@code CWE-79}), so that records of one flaw from NVD,
 * GitHub and a CSAF provider merge into one set. NVD's placeholders ({@code NVD-CWE-Other},
 * {@code NVD-CWE-noinfo}) say "no classification" and are not ids.
 */
public final class CweIds {

    private static final Pattern CWE = Pattern.compile("(?i)cwe-0*([1-9][0-9]{0,5})");

    private CweIds() {}

    /** {@code CWE-<n>} for a CWE id in any case and with leading zeros, else null. */
    public static @Nullable String normalize(@Nullable String text) {
        if (text == null) return null;
        var m = CWE.matcher(text.strip());
        return m.matches() ? "CWE-" + m.group(1) : null;
    }

    /** Whether the text is one of NVD's placeholders for "not classified". */
    public static boolean isPlaceholder(String text) {
        return text.strip().toUpperCase(Locale.ROOT).startsWith("NVD-CWE-");
    }
}
