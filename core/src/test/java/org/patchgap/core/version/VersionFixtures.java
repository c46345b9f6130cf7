package org.patchgap.core.version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the version fixture files under src/test/resources/versions. A fixture line holds versions separated by
 * white space; inside a version {@code \s} is a space, {@code \t} a tab, {@code \\u00a0} any UTF-16 unit,
 * {@code \\} a backslash and {@code <empty>} the empty string. {@code #} starts a comment line, or a trailing
 * comment after white space.
 */
public final class VersionFixtures {

    /** One meaningful line: its number and its white-space separated, decoded tokens. */
    public record Line(int number, List<String> tokens, String raw) {}

    private VersionFixtures() {}

    /** The meaningful lines of the fixture {@code /versions/<name>}. */
    public static List<Line> read(String name) {
        String resource = "/versions/" + name;
        try (InputStream in = VersionFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + resource + " not found");
            }
            List<Line> lines = new ArrayList<>();
            String[] all = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < all.length; i++) {
                String line = all[i].strip();
                int comment = line.startsWith("#") ? 0 : line.indexOf(" #");
                if (comment >= 0) line = line.substring(0, comment).strip();
                if (line.isEmpty()) continue;
                List<String> tokens = new ArrayList<>();
                for (String token : line.split("\\s+")) {
                    tokens.add(decode(token));
                }
                lines.add(new Line(i + 1, List.copyOf(tokens), all[i].strip()));
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static String decode(String token) {
        if (token.equals("<empty>")) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '\\' || i + 1 == token.length()) {
                b.append(c);
                continue;
            }
            char e = token.charAt(++i);
            switch (e) {
                case 's' -> b.append(' ');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    b.append((char) Integer.parseInt(token.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + token);
            }
        }
        return b.toString();
    }
}
