package org.patchgap.core.purl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as the purl specification uses it: UTF-8 bytes, upper-case hex digits. Unlike
 * {@code java.net.URLDecoder}, a {@code '+'} is a plus sign, not a space.
 */
final class PercentCoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCoding() {}

    /**
     * Encodes everything but the characters a canonical purl writes as they are: ASCII letters and digits,
     * {@code . - _ ~} (RFC 3986 unreserved) and {@code ':'}, which the purl specification leaves unencoded in
     * every component ({@code pkg:deb/debian/attr@1:2.4.47-2}, {@code repository_url=https:%2F%2F...}).
     */
    static String encode(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!plain(c)) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
                break;
            }
        }
        if (out == null) {
            return value;
        }
        for (byte b : value.substring(out.length()).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && plain(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '_' || c == '~' || c == ':';
    }

    /**
     * Decodes {@code %XX} sequences; the decoded bytes must be UTF-8.
     *
     * @throws IllegalArgumentException naming the defect when a {@code '%'} is not followed by two hex digits
     *                                  or the bytes are not UTF-8
     */
    static String decode(String value, String what) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
                if (low < 0) {
                    throw new IllegalArgumentException("bad percent-encoding at '" + value.substring(i) + "' in the "
                            + what);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                // a run of literal characters, taken whole so that surrogate pairs stay together
                int end = value.indexOf('%', i);
                end = end < 0 ? value.length() : end;
                bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded bytes of the " + what + " are not UTF-8", e);
        }
    }
}
