package org.patchgap.formats.windows;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;

/** JSON as PowerShell's {@code ConvertTo-Json} and osquery write it, decoded from any Windows text encoding. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode parse(Path file, String text, String expected) throws BadInputException {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        if (t.isBlank()) throw new BadInputException(Location.of(file.toString()), "empty file (expected " + expected + ")");
        try {
            return MAPPER.readTree(t);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException(new Location(file.toString(), place),
                    "malformed JSON (expected " + expected + "): "
                            // Jackson appends where the unclosed value started, naming a redacted source: drop it.
                            + e.getOriginalMessage().replaceAll("(?s)\\s*\\(?(start marker )?at \\[Source:.*$", ""));
        }
    }

    /** {@code ConvertTo-Json} writes a single object for one item and an array for several: both become a list. */
    static List<JsonNode> items(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) root.forEach(out::add);
        else out.add(root);
        return out;
    }

    /** A text value, or null for missing, null and empty values; numbers and booleans as their text. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return HostBuilder.blankToNull(v.asText());
    }

    /** Whether the head of a file is JSON (after any byte-order mark) and mentions each of {@code keys} as a key. */
    static boolean headHas(String head, String... keys) {
        String t = head.stripLeading();
        if (!(t.startsWith("{") || t.startsWith("["))) return false;
        for (String k : keys) {
            if (!head.contains("\"" + k + "\"")) return false;
        }
        return true;
    }
}
