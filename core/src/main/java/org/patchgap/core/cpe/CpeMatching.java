package org.patchgap.core.cpe;

/**
 * CPE name matching (NISTIR 7696): first each attribute of a source name is compared with the target's
 * ({@link #compare(CpeValue, CpeValue)}), then the eleven results decide how the names relate. A source
 * <em>matches</em> a target when it is a superset of it or equal to it: every attribute SUPERSET or EQUAL.
 *
 * <pre>{@code
 * CpeName criteria = CpeName.parse("cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*");
 * CpeName installed = CpeName.parse("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
 * CpeMatching.matches(criteria, installed);   // true: ANY version is a superset of 2.4.49
 * }</pre>
 */
public final class CpeMatching {

    private CpeMatching() {}

    /** Whether {@code source} matches {@code target}: superset or equal (NISTIR 7696 §6.2, Table 6-4). */
    public static boolean matches(CpeName source, CpeName target) {
        for (int i = 0; i < source.values().size(); i++) {
            CpeRelation relation = compare(source.values().get(i), target.values().get(i));
            if (relation != CpeRelation.SUPERSET && relation != CpeRelation.EQUAL) return false;
        }
        return true;
    }

    /** Whether some attribute relation is DISJOINT (NISTIR 7696 §6.2 CPE_DISJOINT). */
    public static boolean disjoint(CpeName source, CpeName target) {
        for (int i = 0; i < source.values().size(); i++) {
            if (compare(source.values().get(i), target.values().get(i)) == CpeRelation.DISJOINT) return true;
        }
        return false;
    }

    /** Whether every attribute relation is EQUAL (CPE_EQUAL). */
    public static boolean equal(CpeName source, CpeName target) {
        return every(source, target, CpeRelation.EQUAL, CpeRelation.EQUAL);
    }

    /** Whether every attribute relation is SUBSET or EQUAL (CPE_SUBSET). */
    public static boolean subset(CpeName source, CpeName target) {
        return every(source, target, CpeRelation.SUBSET, CpeRelation.EQUAL);
    }

    /** Whether every attribute relation is SUPERSET or EQUAL (CPE_SUPERSET); the same test as {@link #matches}. */
    public static boolean superset(CpeName source, CpeName target) {
        return matches(source, target);
    }

    private static boolean every(CpeName source, CpeName target, CpeRelation one, CpeRelation other) {
        for (int i = 0; i < source.values().size(); i++) {
            CpeRelation relation = compare(source.values().get(i), target.values().get(i));
            if (relation != one && relation != other) return false;
        }
        return true;
    }

    /**
     * The relation of one source value to one target value (NISTIR 7696 §6.1.2, Table 6-2). Strings compare
     * case-insensitively; a source with wildcards is a SUPERSET of each string it matches.
     */
    public static CpeRelation compare(CpeValue source, CpeValue target) {
        if (target.hasWildcards()) return CpeRelation.UNDEFINED;
        if (source.kind() == target.kind() && source.folded().equals(target.folded())) return CpeRelation.EQUAL;
        if (source.isAny()) return CpeRelation.SUPERSET;
        if (target.isAny()) return CpeRelation.SUBSET;
        if (source.isNa() || target.isNa()) return CpeRelation.DISJOINT;
        return compareStrings(source.folded(), target.folded());
    }

    /**
     * NISTIR 7696 §6.1.2.3 {@code compareStrings}: a source with at most one leading and one trailing wildcard
     * (a {@code *}, or a run of {@code ?} each standing for at most one character) against a plain target, both
     * in WFN form. Quoting backslashes in the target do not count as characters.
     */
    static CpeRelation compareStrings(String source, String target) {
        int start = 0;
        int end = source.length();
        int begins = 0;
        int ends = 0;
        if (source.charAt(0) == '*') {
            start = 1;
            begins = -1;
        } else {
            while (start < source.length() && source.charAt(start) == '?') {
                start++;
                begins++;
            }
        }
        if (end > start && source.charAt(end - 1) == '*' && unquoted(source, end - 1)) {
            end--;
            ends = -1;
        } else {
            while (end > start && source.charAt(end - 1) == '?' && unquoted(source, end - 1)) {
                end--;
                ends++;
            }
        }
        String middle = source.substring(start, end);
        int index = -1;
        int leftover = target.length();
        while (leftover > 0) {
            index = target.indexOf(middle, index + 1);
            if (index == -1) break;
            int escapes = countEscapes(target, 0, index);
            if (index > 0 && begins != -1 && begins < index - escapes) break;
            escapes = countEscapes(target, index + 1, target.length());
            leftover = target.length() - index - escapes - middle.length();
            if (leftover > 0 && ends != -1 && leftover > ends) continue;
            return CpeRelation.SUPERSET;
        }
        return CpeRelation.DISJOINT;
    }

    /** Whether the character at {@code at} is preceded by an even number of backslashes (is not quoted). */
    private static boolean unquoted(String s, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && s.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 0;
    }

    /** Quoting backslashes in {@code s[from, to)}: each quotes the next character, which is then skipped. */
    private static int countEscapes(String s, int from, int to) {
        int escapes = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\\') {
                escapes++;
                i++;
            }
        }
        return escapes;
    }
}
