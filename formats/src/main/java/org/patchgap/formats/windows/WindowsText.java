package org.patchgap.formats.windows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;

/**
 * Text as Windows tools write it. {@code cmd /c systeminfo > file} writes the ANSI code page (windows-1252 for
 * English systems); Windows PowerShell 5.1's {@code >} and {@code Out-File} write UTF-16LE with a byte-order
 * mark; {@code wmic} redirected writes UTF-16LE with a mark and ends lines with CR CR LF; PowerShell 7 writes
 * UTF-8 without a mark. Lines end with CRLF.
 */
final class WindowsText {

    static final Charset ANSI = Charset.forName("windows-1252");

    private WindowsText() {}

    static String read(Path file) throws BadInputException {
        try {
            org.patchgap.formats.support.InputLimits.requireReadableWhole(file);
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Decodes by byte-order mark, else by the zero bytes of mark-less UTF-16LE, else UTF-8 if valid, else ANSI. */
    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (looksLikeUtf16Le(b)) {
            return new String(b, StandardCharsets.UTF_16LE);
        }
        if (isAscii(b)) {
            return new String(b, StandardCharsets.US_ASCII); // what the UTF-8 decoder gives, without its buffers
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, ANSI);
        }
    }

    /**
     * Decodes a file's first bytes for {@code accepts}: the cut may fall inside a character, so malformed input is
     * replaced rather than reported.
     */
    static String decodeHead(byte[] head) {
        // Every file of a walked tree is offered to each Windows reader with the same head array: decode it once.
        Object[] last = LAST_HEAD.get();
        if (last[0] == head) {
            return (String) last[1];
        }
        String s = isBinary(head) ? "" : decode(head);
        s = s.isEmpty() || s.charAt(0) != '\uFEFF' ? s : s.substring(1);
        last[0] = head;
        last[1] = s;
        return s;
    }

    /** The last head decoded on this thread and its text (identity, not content: heads are never reused). */
    private static final ThreadLocal<Object[]> LAST_HEAD = ThreadLocal.withInitial(() -> new Object[2]);

    /**
     * A NUL byte outside UTF-16 text: no Windows export (UTF-8, ANSI code page or UTF-16) looks like that, so the
     * head is taken as empty instead of being decoded by every reader.
     */
    private static boolean isBinary(byte[] b) {
        if (b.length >= 2 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe
                || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) || looksLikeUtf16Le(b)) {
            return false;
        }
        for (byte x : b) {
            if (x == 0) return true;
        }
        return false;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) return false;
        }
        return true;
    }

    private static boolean looksLikeUtf16Le(byte[] b) {
        int n = Math.min(b.length, 64) & ~1;
        if (n < 4) return false;
        for (int i = 0; i < n; i += 2) {
            if (b[i + 1] != 0 || b[i] == 0) return false;
        }
        return true;
    }

    /** Splits on CRLF, LF and wmic's CR CR LF; a leading byte-order mark character is dropped. */
    static List<String> lines(String text) {
        // A hand-written scan, not String.split with a regex: every file of a walked tree is offered to the Windows
        // readers, whose accepts split the 4 KiB head, and the regex split was two thirds of a 100k-file walk.
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        List<String> lines = new ArrayList<>();
        int n = text.length();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n') {
                i++;
                continue;
            }
            lines.add(text.substring(start, i));
            // One separator: a run of CRs with the LF that may end it (CRLF, wmic's CR CR LF, old Mac CR), or an LF.
            while (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\n') {
                i++;
            }
            start = i;
        }
        lines.add(text.substring(start));
        return lines;
    }

    /**
     * The non-blank lines, lazily: {@code accepts} looks at the first few lines of every file in a walked tree, so it
     * must not split all of a 4 KiB head first. Same non-blank lines as {@link #lines} (a run of line ends gives
     * blank lines only).
     */
    static Stream<String> nonBlankLines(String text) {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return t.lines().filter(line -> !line.isBlank());
    }

    /** The first non-blank line, or the empty string. */
    static String firstLine(String text) {
        return nonBlankLines(text).findFirst().orElse("");
    }
}
