package org.patchgap.formats.os;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Paragraphs of {@code Key: value} fields separated by blank lines, as in dpkg's status file (deb822), or of
 * {@code K:value} lines as in apk's installed database. A paragraph with a line that is neither a field nor a
 * continuation is marked bad, so that the reader can skip it and report where.
 */
final class Stanzas {

    /** One paragraph: its first line, fields in order, and the first bad line if any. */
    record Stanza(int line, Map<String, String> fields, int badLine) {

        @Nullable String get(String key) {
            return fields.get(key);
        }

        boolean bad() {
            return badLine > 0;
        }
    }

    // deb822 field names: letters, digits and hyphens (Policy 5.1 allows more, dpkg never writes more).
    private static final java.util.regex.Pattern FIELD_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private Stanzas() {}

    /** deb822: {@code Key: value}, continuation lines start with a space or tab. */
    static List<Stanza> deb822(List<String> lines) {
        return split(lines, true);
    }

    /** apk: {@code K:value}, single-letter keys, no continuations. */
    static List<Stanza> apk(List<String> lines) {
        return split(lines, false);
    }

    private static List<Stanza> split(List<String> lines, boolean deb822) {
        List<Stanza> out = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        int bad = 0;
        String lastKey = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (!fields.isEmpty() || bad > 0) {
                    out.add(new Stanza(start, fields, bad));
                }
                fields = new LinkedHashMap<>();
                bad = 0;
                lastKey = null;
                continue;
            }
            if (fields.isEmpty() && bad == 0) {
                start = i + 1;
            }
            if (deb822 && (line.startsWith(" ") || line.startsWith("\t"))) {
                if (lastKey == null && bad == 0) {
                    bad = i + 1;
                }
                continue; // continuation lines (descriptions, conffiles) are not needed
            }
            int colon = line.indexOf(':');
            boolean keyOk = colon > 0 && (deb822 ? FIELD_NAME.matcher(line.substring(0, colon)).matches() : colon == 1);
            if (!keyOk) {
                if (bad == 0) {
                    bad = i + 1;
                }
                continue;
            }
            lastKey = line.substring(0, colon);
            fields.putIfAbsent(lastKey, line.substring(colon + 1).strip());
        }
        return out;
    }
}
