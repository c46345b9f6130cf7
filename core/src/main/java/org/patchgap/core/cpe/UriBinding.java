package org.patchgap.core.cpe;

import java.util.ArrayList;
import java.util.List;

/**
 * Unbinds a CPE 2.2 URI ({@code cpe:/a:vendor:product:version:update:edition:language}, NISTIR 7695 §6.1.3):
 * missing trailing components and empty ones are ANY, {@code -} is NA, {@code %xx} is a percent-encoded
 * character ({@code %01} and {@code %02} the wildcards {@code ?} and {@code *}), and an edition starting with
 * {@code ~} packs edition, sw_edition, target_sw, target_hw and other.
 */
final class UriBinding {

    private static final int PREFIX = "cpe:/".length();
    private static final CpeAttribute[] URI_COMPONENTS = {
        CpeAttribute.PART, CpeAttribute.VENDOR, CpeAttribute.PRODUCT, CpeAttribute.VERSION,
        CpeAttribute.UPDATE, CpeAttribute.EDITION, CpeAttribute.LANGUAGE};
    private static final CpeAttribute[] PACKED = {
        CpeAttribute.EDITION, CpeAttribute.SW_EDITION, CpeAttribute.TARGET_SW, CpeAttribute.TARGET_HW,
        CpeAttribute.OTHER};

    private UriBinding() {}

    static CpeName unbind(String cpe) throws MalformedCpeException {
        List<CpeValue> values = new ArrayList<>();
        for (int i = 0; i < CpeAttribute.values().length; i++) values.add(CpeValue.ANY);
        int start = PREFIX;
        for (int component = 0; start <= cpe.length(); component++) {
            int end = cpe.indexOf(':', start);
            if (end < 0) end = cpe.length();
            if (component == URI_COMPONENTS.length) {
                throw new MalformedCpeException(cpe, start - 1, "the end of the URI after the 7th component (language)");
            }
            CpeAttribute attribute = URI_COMPONENTS[component];
            if (attribute == CpeAttribute.EDITION && end > start && cpe.charAt(start) == '~') {
                unpackEdition(cpe, start, end, values);
            } else {
                CpeValue value = decode(cpe, start, end, attribute);
                values.set(attribute.ordinal(), attribute == CpeAttribute.PART ? CpeName.part(cpe, start, value) : value);
            }
            start = end + 1;
        }
        return new CpeName(values);
    }

    /** {@code ~edition~sw_edition~target_sw~target_hw~other}: exactly five fields (NISTIR 7695 §6.1.3.2). */
    private static void unpackEdition(String cpe, int start, int end, List<CpeValue> values) throws MalformedCpeException {
        int from = start + 1;
        for (int field = 0; field < PACKED.length; field++) {
            int tilde = cpe.indexOf('~', from);
            int fieldEnd = tilde < 0 || tilde > end ? end : tilde;
            if (field < PACKED.length - 1 && fieldEnd == end) {
                throw new MalformedCpeException(cpe, end, "'~' and " + PACKED[field + 1].specName()
                        + " (a packed edition has five '~'-separated fields)");
            }
            if (field == PACKED.length - 1 && fieldEnd != end) {
                throw new MalformedCpeException(cpe, fieldEnd, "the end of the packed edition after its fifth field (other)");
            }
            values.set(PACKED[field].ordinal(), decode(cpe, from, fieldEnd, PACKED[field]));
            from = fieldEnd + 1;
        }
    }

    private static CpeValue decode(String cpe, int start, int end, CpeAttribute attribute) throws MalformedCpeException {
        if (start == end) return CpeValue.ANY;
        if (end - start == 1 && cpe.charAt(start) == '-') return CpeValue.NA;
        StringBuilder wfn = new StringBuilder(end - start + 4);
        for (int i = start; i < end; i++) {
            char c = cpe.charAt(i);
            if (CpeValue.isUnquoted(c)) {
                wfn.append(c);
            } else if (c == '.' || c == '-' || c == '~') {
                wfn.append('\\').append(c);
            } else if (c == '%') {
                if (i + 2 >= end) {
                    throw new MalformedCpeException(cpe, i, "two hex digits after '%'");
                }
                int code = hex(cpe.charAt(i + 1)) << 4 | hex(cpe.charAt(i + 2));
                if (code < 0) throw new MalformedCpeException(cpe, i, "two hex digits after '%'");
                i += 2;
                if (code == 0x01) wfn.append('?');
                else if (code == 0x02) wfn.append('*');
                else if (code < 0x21 || code > 0x7e) {
                    throw new MalformedCpeException(cpe, i - 2, "a printable ASCII character encoded after '%'");
                } else {
                    if (!CpeValue.isUnquoted((char) code)) wfn.append('\\');
                    wfn.append((char) code);
                }
            } else {
                throw new MalformedCpeException(cpe, i, "a letter, digit, '_', '-', '.', '~' or a %-encoded character in "
                        + attribute.specName() + ", not '" + c + "'");
            }
        }
        String value = wfn.toString();
        CpeName.checkWildcards(cpe, start, value);
        return new CpeValue(CpeValue.Kind.STRING, value);
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -0x1000 : digit;
    }
}
