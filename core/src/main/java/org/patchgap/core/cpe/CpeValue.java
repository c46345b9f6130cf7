package org.patchgap.core.cpe;

import java.util.Locale;
import java.util.Objects;

/**
 * The value of one attribute of a well-formed CPE name (NISTIR 7695 §5): the logical value ANY or NA, or a
 * string in WFN form, where every character other than a letter, a digit or {@code _} is quoted with a
 * backslash ({@code 8\.0\.6001}), and an unquoted {@code *} or {@code ?} at either end is a wildcard.
 *
 * @param kind ANY, NA or a string
 * @param wfn  the string in WFN form; empty for ANY and NA
 */
public record CpeValue(Kind kind, String wfn) {

    public enum Kind { ANY, NA, STRING }

    public static final CpeValue ANY = new CpeValue(Kind.ANY, "");
    public static final CpeValue NA = new CpeValue(Kind.NA, "");

    public CpeValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wfn, "wfn");
        if (kind == Kind.STRING && wfn.isEmpty()) throw new IllegalArgumentException("a CPE string value is never empty");
    }

    /** A value without wildcards for {@code text} as written (for instance a version from an SBOM). */
    public static CpeValue literal(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("a CPE string value is never empty");
        StringBuilder wfn = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnquoted(c)) wfn.append('\\');
            wfn.append(c);
        }
        return new CpeValue(Kind.STRING, wfn.toString());
    }

    public boolean isAny() {
        return kind == Kind.ANY;
    }

    public boolean isNa() {
        return kind == Kind.NA;
    }

    /** Whether this string value holds an unquoted {@code *} or {@code ?}. */
    public boolean hasWildcards() {
        if (kind != Kind.STRING) return false;
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\') i++;
            else if (c == '*' || c == '?') return true;
        }
        return false;
    }

    /** The text without quoting backslashes ({@code 8.0.6001}); {@code *} for ANY, {@code -} for NA. */
    public String text() {
        return switch (kind) {
            case ANY -> "*";
            case NA -> "-";
            case STRING -> unquote(wfn);
        };
    }

    /** The value as the CPE 2.3 formatted string binding writes it (NISTIR 7695 §6.2.2.2). */
    String formatted() {
        if (kind == Kind.ANY) return "*";
        if (kind == Kind.NA) return "-";
        StringBuilder out = new StringBuilder(wfn.length());
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\' && i + 1 < wfn.length()) {
                char quoted = wfn.charAt(++i);
                // '.', '-' and '_' need no quoting in a formatted string; everything else keeps its backslash.
                if (quoted != '.' && quoted != '-' && quoted != '_') out.append('\\');
                out.append(quoted);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The WFN form folded to lower case: NISTIR 7696 compares values case-insensitively. */
    String folded() {
        return wfn.toLowerCase(Locale.ROOT);
    }

    static boolean isUnquoted(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    static String unquote(String wfn) {
        if (wfn.indexOf('\\') < 0) return wfn;
        StringBuilder out = new StringBuilder(wfn.length());
        for (int i = 0; i < wfn.length(); i++) {
            char c = wfn.charAt(i);
            if (c == '\\' && i + 1 < wfn.length()) c = wfn.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? wfn : kind.name();
    }
}
