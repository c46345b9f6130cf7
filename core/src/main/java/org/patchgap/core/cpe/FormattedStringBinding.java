package org.patchgap.core.cpe;

import java.util.ArrayList;
import java.util.List;

/** Unbinds a CPE 2.3 formatted string ({@code cpe:2.3:a:vendor:product:...}, NISTIR 7695 §6.2.3). */
final class FormattedStringBinding {

    private static final int PREFIX = "cpe:2.3:".length();
    private static final int ATTRIBUTES = CpeAttribute.values().length;

    private FormattedStringBinding() {}

    static CpeName unbind(String cpe) throws MalformedCpeException {
        List<CpeValue> values = new ArrayList<>(ATTRIBUTES);
        int start = PREFIX;
        for (int attribute = 0; attribute < ATTRIBUTES; attribute++) {
            int end = endOfField(cpe, start);
            if (end == cpe.length() && attribute < ATTRIBUTES - 1) {
                // Too few fields: say which attribute is missing, at the end of the string.
                throw new MalformedCpeException(cpe, end, "':' and a value for "
                        + CpeAttribute.values()[attribute + 1].specName() + " (a formatted string has 11 attributes)");
            }
            CpeValue value = value(cpe, start, end, CpeAttribute.values()[attribute]);
            values.add(attribute == 0 ? CpeName.part(cpe, start, value) : value);
            start = end + 1;
        }
        if (start <= cpe.length()) {
            throw new MalformedCpeException(cpe, start - 1, "the end of the name after the 11th attribute (other)");
        }
        return new CpeName(values);
    }

    /** The index of the next unquoted ':' at or after {@code from}, or the end of the string. */
    private static int endOfField(String cpe, int from) {
        for (int i = from; i < cpe.length(); i++) {
            char c = cpe.charAt(i);
            if (c == '\\') i++;
            else if (c == ':') return i;
        }
        return cpe.length();
    }

    private static CpeValue value(String cpe, int start, int end, CpeAttribute attribute) throws MalformedCpeException {
        if (start == end) {
            throw new MalformedCpeException(cpe, start, "a value for " + attribute.specName() + " ('*' for ANY, '-' for NA)");
        }
        if (end - start == 1 && cpe.charAt(start) == '*') return CpeValue.ANY;
        if (end - start == 1 && cpe.charAt(start) == '-') return CpeValue.NA;
        StringBuilder wfn = new StringBuilder(end - start + 4);
        for (int i = start; i < end; i++) {
            char c = cpe.charAt(i);
            if (c == '\\') {
                if (i + 1 >= end) throw new MalformedCpeException(cpe, i, "a character quoted by '\\'");
                char quoted = cpe.charAt(++i);
                if (quoted < 0x21 || quoted > 0x7e) {
                    throw new MalformedCpeException(cpe, i, "a printable character after '\\'");
                }
                // Letters, digits and '_' need no quoting; a needless backslash (seen in the wild) is dropped.
                if (!CpeValue.isUnquoted(quoted)) wfn.append('\\');
                wfn.append(quoted);
            } else if (CpeValue.isUnquoted(c) || c == '*' || c == '?') {
                wfn.append(c);
            } else if (c == '.' || c == '-') {
                // Written bare in a formatted string, quoted in the WFN (NISTIR 7695 §6.2.3.2).
                wfn.append('\\').append(c);
            } else {
                throw new MalformedCpeException(cpe, i, "a letter, digit, '_', '-', '.', a wildcard or a '\\'-quoted character in "
                        + attribute.specName() + ", not '" + c + "'");
            }
        }
        String value = wfn.toString();
        CpeName.checkWildcards(cpe, start, value);
        return new CpeValue(CpeValue.Kind.STRING, value);
    }
}
