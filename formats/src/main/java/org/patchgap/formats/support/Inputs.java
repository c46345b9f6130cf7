package org.patchgap.formats.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;

/**
 * Reading a whole inventory file as text, JSON or YAML, turning every failure into a {@link BadInputException}
 * that names the file and the line.
 */
public final class Inputs {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private Inputs() {}

    /** The file's bytes; a missing or unreadable file is bad input. */
    public static byte[] bytes(Path file) throws BadInputException {
        InputLimits.requireReadableWhole(file);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The file as text: UTF-8, or Latin-1 when it is not valid UTF-8 (old package databases carry Latin-1
     * maintainer names; the fields we read are ASCII either way).
     */
    public static String text(Path file) throws BadInputException {
        byte[] bytes = bytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The file's lines, without line terminators; line N of the file is element N-1. */
    public static List<String> lines(Path file) throws BadInputException {
        String text = text(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }

    /** The file as a JSON tree; malformed JSON is bad input naming the line and column. */
    public static JsonNode json(Path file) throws BadInputException {
        return tree(JSON, file, "JSON");
    }

    /** The file as a YAML tree; malformed YAML is bad input naming the line and column. */
    public static JsonNode yaml(Path file) throws BadInputException {
        return tree(YAML, file, "YAML");
    }

    private static JsonNode tree(ObjectMapper mapper, Path file, String what) throws BadInputException {
        InputLimits.requireReadableWhole(file);
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new BadInputException(Location.of(file.toString()), "empty file, expected " + what);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException(new Location(file.toString(), place),
                    "not valid " + what + ": " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    /** A text field of a JSON object, or null when it is absent, null or not a scalar. */
    public static @org.jspecify.annotations.Nullable String field(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    /** Escapes one JSON pointer reference token (RFC 6901 section 3: {@code ~} then {@code /}). */
    public static String pointerToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Bad input for a file whose top level is not the object the format requires. */
    public static BadInputException expected(Path file, String pointer, String what) {
        return new BadInputException(new Location(file.toString(), pointer.isEmpty() ? "/" : pointer),
                "expected " + what);
    }
}
