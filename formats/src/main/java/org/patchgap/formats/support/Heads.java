package org.patchgap.formats.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Cheap checks on a file's name and first bytes, for {@code InventoryReader.accepts}. */
public final class Heads {

    private Heads() {}

    /** The file name, or the empty string for a root. */
    public static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString();
    }

    /** The file name in lower case, for extension checks. */
    public static String lowerName(Path file) {
        return fileName(file).toLowerCase(Locale.ROOT);
    }

    /** The head as text (Latin-1, so that any byte maps to one char and a cut UTF-8 sequence does no harm). */
    public static String text(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    /** Whether the first non-blank character is {@code c} (after a UTF-8 byte-order mark). */
    public static boolean startsWith(byte[] head, char c) {
        String text = text(head);
        int i = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == c;
    }

    /** Whether the path ends with the given relative path ({@code var/lib/dpkg/status}), compared by segments. */
    public static boolean endsWith(Path file, String relative) {
        return file.normalize().endsWith(relative);
    }
}
