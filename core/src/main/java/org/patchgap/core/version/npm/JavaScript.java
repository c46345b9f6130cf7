package org.patchgap.core.version.npm;

/** The one piece of JavaScript semantics node-semver relies on before its regular expression. */
final class JavaScript {

    private JavaScript() {}

    /**
     * {@code String.prototype.trim}: strips ECMAScript WhiteSpace and LineTerminator characters (ECMA-262
     * sections 12.2 and 12.3), a wider set than Java's {@code strip} (it includes U+FEFF and excludes U+001C..1F).
     */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhiteSpace(s.charAt(start))) start++;
        while (end > start && isWhiteSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    static boolean isWhiteSpace(char c) {
        return switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F', '\u205F',
                    '\u3000', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }
}
