package org.patchgap.core.range;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the range fixtures under src/test/resources/ranges. A line holds fields separated by {@code " ; "}:
 * {@code RANGE ; VERSION ; true|false} in {@code <syntax>.txt}, {@code RANGE ; part of the error message} in
 * {@code <syntax>-invalid.txt}. A line starting with {@code #} is a comment, and so is {@code #...} after the last
 * field. Inside a field {@code <empty>} is the empty string; spaces are kept except around the separators.
 */
final class RangeFixtures {

    /** One meaningful line: its number and its fields. */
    record Line(int number, List<String> fields, String raw) {

        String field(int i) {
            return fields.get(i);
        }
    }

    private RangeFixtures() {}

    static List<Line> read(String name) {
        String resource = "/ranges/" + name;
        try (InputStream in = RangeFixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("fixture " + resource + " not found");
            List<Line> lines = new ArrayList<>();
            String[] all = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < all.length; i++) {
                String line = all[i];
                if (line.isBlank() || line.strip().startsWith("#")) continue;
                List<String> fields = new ArrayList<>(List.of(line.split(" ; ", -1)));
                int last = fields.size() - 1;
                int comment = fields.get(last).indexOf(" #");
                if (comment >= 0) fields.set(last, fields.get(last).substring(0, comment));
                fields.set(last, fields.get(last).strip());
                fields.set(0, fields.get(0).strip());
                fields.replaceAll(f -> f.equals("<empty>") ? "" : f);
                lines.add(new Line(i + 1, List.copyOf(fields), line));
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
