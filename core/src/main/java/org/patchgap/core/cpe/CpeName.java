package org.patchgap.core.cpe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A well-formed CPE name (NISTIR 7695 §5): one {@link CpeValue} per {@link CpeAttribute}.
 *
 * <pre>{@code
 * CpeName name = CpeName.parse("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
 * name.get(CpeAttribute.VERSION).text();   // "2.4.49"
 * CpeName.parse("cpe:/a:apache:http_server:2.4.49").toFormattedString();   // the same name, 2.3 binding
 * }</pre>
 *
 * @param values the eleven values, in {@link CpeAttribute} order
 */
public record CpeName(List<CpeValue> values) {

    /** The ecosystem under which advisories list CPE criteria: the affected package's name is a CPE name. */
    public static final String ECOSYSTEM = "CPE";

    private static final int ATTRIBUTES = CpeAttribute.values().length;

    public CpeName {
        values = List.copyOf(values);
        if (values.size() != ATTRIBUTES) {
            throw new IllegalArgumentException("a CPE name has " + ATTRIBUTES + " attributes, not " + values.size());
        }
    }

    /** Parses either binding: a CPE 2.3 formatted string ({@code cpe:2.3:...}) or a CPE 2.2 URI ({@code cpe:/...}). */
    public static CpeName parse(String text) throws MalformedCpeException {
        Objects.requireNonNull(text, "text");
        if (text.regionMatches(true, 0, "cpe:2.3:", 0, 8)) return FormattedStringBinding.unbind(text);
        if (text.regionMatches(true, 0, "cpe:/", 0, 5)) return UriBinding.unbind(text);
        throw new MalformedCpeException(text, 0, "'cpe:2.3:' (formatted string) or 'cpe:/' (URI)");
    }

    public CpeValue get(CpeAttribute attribute) {
        return values.get(attribute.ordinal());
    }

    public CpeValue vendor() {
        return get(CpeAttribute.VENDOR);
    }

    public CpeValue product() {
        return get(CpeAttribute.PRODUCT);
    }

    public CpeValue version() {
        return get(CpeAttribute.VERSION);
    }

    /** This name with one attribute replaced. */
    public CpeName with(CpeAttribute attribute, CpeValue value) {
        List<CpeValue> copy = new ArrayList<>(values);
        copy.set(attribute.ordinal(), value);
        return new CpeName(copy);
    }

    /**
     * The (vendor, product) pair by which advisories are grouped: both unquoted and lower-cased, joined by
     * {@code ':'} ({@code apache:http_server}). ANY is written {@code *}, NA {@code -}.
     */
    public String vendorProductKey() {
        return vendor().text().toLowerCase(Locale.ROOT) + ":" + product().text().toLowerCase(Locale.ROOT);
    }

    /** The CPE 2.3 formatted string binding of this name (NISTIR 7695 §6.2.2). */
    public String toFormattedString() {
        StringBuilder out = new StringBuilder("cpe:2.3");
        for (CpeValue value : values) out.append(':').append(value.formatted());
        return out.toString();
    }

    @Override
    public String toString() {
        return toFormattedString();
    }

    /** Checks the position rules for wildcards shared by both bindings (NISTIR 7695 §5.3.2). */
    static void checkWildcards(String cpe, int start, String wfn) throws MalformedCpeException {
        int length = wfn.length();
        for (int i = 0; i < length; i++) {
            char c = wfn.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*') {
                if (i != 0 && i != length - 1 || length == 1) {
                    throw new MalformedCpeException(cpe, start, "'*' only as the first or last character of a value");
                }
                if (i == 0 && length > 1 && wfn.charAt(1) == '*') {
                    throw new MalformedCpeException(cpe, start, "at most one '*' at each end of a value");
                }
            } else if (c == '?') {
                boolean leading = wfn.substring(0, i).chars().allMatch(ch -> ch == '?');
                boolean trailing = wfn.substring(i).chars().allMatch(ch -> ch == '?');
                if (!leading && !trailing) {
                    throw new MalformedCpeException(cpe, start, "'?' only at the start or end of a value");
                }
            }
        }
    }

    static CpeValue part(String cpe, int start, CpeValue value) throws MalformedCpeException {
        if (value.kind() != CpeValue.Kind.STRING) return value;
        String text = value.wfn().toLowerCase(Locale.ROOT);
        if (!text.equals("a") && !text.equals("o") && !text.equals("h")) {
            throw new MalformedCpeException(cpe, start, "part 'a', 'o' or 'h'");
        }
        return new CpeValue(CpeValue.Kind.STRING, text);
    }
}
