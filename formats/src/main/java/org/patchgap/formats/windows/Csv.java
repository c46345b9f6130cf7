package org.patchgap.formats.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line of comma-separated values with RFC 4180 quoting, as {@code systeminfo /fo csv} and {@code wmic /format:csv} write. */
final class Csv {

    private Csv() {}

    /** The fields of {@code line}, or empty when a quoted field is not closed. */
    static Optional<List<String>> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(c);
            }
        }
        if (quoted) return Optional.empty();
        out.add(cur.toString());
        return Optional.of(out);
    }
}
