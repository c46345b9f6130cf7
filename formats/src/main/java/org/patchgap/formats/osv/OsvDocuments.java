package org.patchgap.formats.osv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Splits one OSV file into record trees. A file holds one top-level value: a record object, an array of
 * records, or an object {@code {"vulns": [...]}} as the OSV API answers a query. Arrays are read one element
 * at a time so that a large array never exists as one tree.
 *
 * <p>YAML scalars are kept as the text written: YAML would read an unquoted {@code 1.10} as the number 1.1 and
 * {@code 010} as 8, which would change a version. JSON keeps its types, so a number where OSV wants a string is
 * reported by the mapper.
 */
final class OsvDocuments {

    /** Receives each record tree with the JSON pointer of the record inside the file ({@code ""} for the root). */
    interface RecordSink {
        void accept(JsonNode record, String pointer);
    }

    enum Syntax {
        JSON, YAML;

        static Syntax ofFileName(String name) {
            return endsWithIgnoreCase(name, ".yaml") || endsWithIgnoreCase(name, ".yml") ? YAML : JSON;
        }
    }

    /**
     * Whether {@code name} ends with the lower-case ASCII {@code suffix} in any case; the same answer as
     * {@code name.toLowerCase(Locale.ROOT).endsWith(suffix)} for our suffixes (no character but the ASCII
     * capitals lowers to one of their letters) without copying the name for every zip entry.
     */
    static boolean endsWithIgnoreCase(String name, String suffix) {
        int start = name.length() - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = name.charAt(start + i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLFactory YAML = new YAMLFactory();

    private OsvDocuments() {}

    /**
     * Reads {@code in} (not closed) and hands every record to {@code sink}.
     *
     * @throws MalformedDocumentException when the syntax is broken or the file is empty
     * @throws IOException                when reading the bytes fails
     */
    static void read(InputStream in, Syntax syntax, RecordSink sink) throws MalformedDocumentException, IOException {
        try (JsonParser parser = syntax == Syntax.JSON ? JSON.getFactory().createParser(in) : YAML.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedDocumentException(null, "empty file, expected an OSV record");
            }
            if (first == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    sink.accept(readValue(parser, syntax), "/" + index++);
                }
            } else {
                JsonNode root = readValue(parser, syntax);
                JsonNode vulns = root.get("vulns");
                if (root.isObject() && !root.has("id") && vulns != null && vulns.isArray()) {
                    for (int i = 0; i < vulns.size(); i++) {
                        sink.accept(vulns.get(i), "/vulns/" + i);
                    }
                } else {
                    sink.accept(root, "");
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedDocumentException(place(parser.currentTokenLocation()),
                        "more than one top-level value; expected one record, an array of records or {\"vulns\": [...]}");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedDocumentException(place(e.getLocation()),
                    (syntax == Syntax.JSON ? "malformed JSON: " : "malformed YAML: ") + firstLine(e.getOriginalMessage()));
        }
    }

    /** Reads the value whose first token is current. */
    private static JsonNode readValue(JsonParser parser, Syntax syntax) throws IOException {
        return syntax == Syntax.JSON ? JSON.readTree(parser) : yamlValue(parser);
    }

    private static JsonNode yamlValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, yamlValue(parser));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(yamlValue(parser));
            }
            return array;
        }
        if (token == JsonToken.VALUE_NULL) {
            return NullNode.getInstance();
        }
        return TextNode.valueOf(parser.getText());
    }

    private static @Nullable String place(@Nullable JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson may append where a bracket opened as "(start marker at [Source: ...; line: 1, column: 1])";
        // the place is already given as line and column, and the source text is redacted anyway.
        int source = line.indexOf("[Source:");
        if (source >= 0) {
            int open = line.lastIndexOf(" (", source);
            line = line.substring(0, open >= 0 ? open : source);
        }
        return line.strip();
    }
}
