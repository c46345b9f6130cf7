package org.patchgap.formats.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;

/**
 * The tables of a machine-written TOML lock file ({@code Cargo.lock}, {@code poetry.lock}, {@code uv.lock}) with
 * their top-level keys and line numbers. Values are kept as written (an array or inline table stays raw text,
 * possibly spanning lines); plain strings are decoded. This is enough for lock files, which list packages as
 * {@code [[package]]} tables of {@code name = "..."} and {@code version = "..."}, and unlike a tree-building TOML
 * parser it keeps the line of every package for the findings.
 */
public final class TomlBlocks {

    /** One table: its header as written ({@code [[package]]}, {@code [package.extras]}), first line and keys. */
    public record Block(String header, int line, Map<String, Value> keys) {

        public Block {
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        /** A key's decoded string value, or null when absent or not a string. */
        public @Nullable String string(String key) {
            Value value = keys.get(key);
            return value == null ? null : value.string();
        }
    }

    /** A value as written, and the line its key is on. */
    public record Value(String raw, int line) {

        /** The decoded value of a basic or literal string, or null for any other value. */
        public @Nullable String string() {
            String v = raw.strip();
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'") && !v.startsWith("'''")) {
                return v.substring(1, v.length() - 1);
            }
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") && !v.startsWith("\"\"\"")) {
                return unescape(v.substring(1, v.length() - 1));
            }
            return null;
        }
    }

    private TomlBlocks() {}

    /** The file's tables in order; keys before the first header form a block with an empty header. */
    public static List<Block> read(Path file) throws BadInputException {
        List<String> lines = Inputs.lines(file);
        List<Block> blocks = new ArrayList<>();
        String header = "";
        int headerLine = 1;
        Map<String, Value> keys = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!header.isEmpty() || !keys.isEmpty()) {
                    blocks.add(new Block(header, headerLine, keys));
                }
                int close = line.lastIndexOf(']');
                if (close < 0) {
                    throw bad(file, i, "a table header closed by ']'");
                }
                header = line.substring(0, close + 1);
                headerLine = i + 1;
                keys = new LinkedHashMap<>();
                continue;
            }
            int equals = keyEnd(line);
            if (equals <= 0) {
                throw bad(file, i, "a TOML line 'key = value' or a [table] header, found: " + abbreviate(line));
            }
            String key = line.substring(0, equals).strip();
            if (key.length() >= 2 && (key.startsWith("\"") || key.startsWith("'"))) {
                key = key.substring(1, key.length() - 1);
            }
            int keyLine = i + 1;
            StringBuilder value = new StringBuilder(line.substring(equals + 1).strip());
            Scan scan = new Scan();
            scan.feed(value);
            while (!scan.complete()) {
                if (++i >= lines.size()) {
                    throw bad(file, keyLine - 1, "the value of '" + key + "' to be closed before the end of the file");
                }
                value.append('\n').append(lines.get(i));
                scan.feed(lines.get(i));
            }
            keys.put(key, new Value(stripComment(value.toString()), keyLine));
        }
        if (!header.isEmpty() || !keys.isEmpty()) {
            blocks.add(new Block(header, headerLine, keys));
        }
        return List.copyOf(blocks);
    }

    private static BadInputException bad(Path file, int index, String expected) {
        return new BadInputException(new Location(file.toString(), "line " + (index + 1)), "expected " + expected);
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }

    /** Index of the {@code =} after a bare or quoted key, or -1. */
    private static int keyEnd(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            } else if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ' ')) {
                return -1;
            }
        }
        return -1;
    }

    /** Drops a trailing comment after a complete single-line value. */
    private static String stripComment(String value) {
        if (value.indexOf('\n') >= 0) {
            return value;
        }
        int comment = new Scan().feed(value);
        return comment < 0 ? value : value.substring(0, comment).strip();
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        String hex = i + 4 < s.length() ? s.substring(i + 1, i + 5) : "";
                        // An escape not followed by four hex digits is kept as written (the fuzzer found it threw).
                        if (hex.matches("[0-9A-Fa-f]{4}")) {
                            out.append((char) Integer.parseInt(hex, 16));
                            i += 4;
                        } else {
                            out.append('\\').append('u');
                        }
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Tracks brackets and strings across the lines of one value, to know when it is complete. */
    private static final class Scan {
        int depth;
        @Nullable String string; // the open string's delimiter: ", ', """ or '''

        /** Feeds one line; returns where a comment starts in it, or -1. */
        int feed(CharSequence text) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (string != null) {
                    if (c == '\\' && string.startsWith("\"")) {
                        i += 2;
                    } else if (at(text, i, string)) {
                        i += string.length();
                        string = null;
                    } else {
                        i++;
                    }
                    continue;
                }
                if (c == '#') {
                    return i;
                }
                if (c == '"' || c == '\'') {
                    String triple = String.valueOf(c).repeat(3);
                    string = at(text, i, triple) ? triple : String.valueOf(c);
                    i += string.length();
                    continue;
                }
                if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    depth--;
                }
                i++;
            }
            // A basic or literal string cannot span lines; only the triple-quoted ones stay open.
            if (string != null && string.length() == 1) {
                string = null;
            }
            return -1;
        }

        private static boolean at(CharSequence text, int i, String what) {
            if (i + what.length() > text.length()) {
                return false;
            }
            for (int k = 0; k < what.length(); k++) {
                if (text.charAt(i + k) != what.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        boolean complete() {
            return depth <= 0 && string == null;
        }
    }
}
