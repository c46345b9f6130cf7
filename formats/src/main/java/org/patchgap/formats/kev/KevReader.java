package org.patchgap.formats.kev;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.KevEntry;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

/**
 * Reads CISA's Known Exploited Vulnerabilities catalog (JSON, schema {@code known_exploited_vulnerabilities_schema.json}).
 *
 * <p>A file that is not JSON, or has no {@code vulnerabilities} array, is a {@link BadInputException}. An entry
 * without a well-formed {@code cveID} or {@code dateAdded}, or missing another required field, is skipped and
 * reported at its JSON pointer ({@code /vulnerabilities/12}); the others are kept.
 *
 * <pre>{@code
 * KevCatalog catalog = new KevReader().read(Path.of("known_exploited_vulnerabilities.json"));
 * catalog.problems().forEach(System.err::println);
 * }</pre>
 */
public final class KevReader {

    /** The schema's pattern: the number part has four or more digits. */
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,19}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public KevCatalog read(Path file) throws BadInputException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a catalog from {@code in}; {@code name} names it in messages. Does not close {@code in}. */
    public KevCatalog read(InputStream in, String name) throws BadInputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new BadInputException(new Location(name, place), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(Location.of(name), "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(new Location(name, "/"), "expected a KEV catalog object");
        }
        JsonNode list = root.get("vulnerabilities");
        if (list == null || !list.isArray()) {
            throw new BadInputException(new Location(name, "/vulnerabilities"),
                    "expected the array of known exploited vulnerabilities");
        }
        List<KevEntry> entries = new ArrayList<>(list.size());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/vulnerabilities/" + i;
            try {
                entries.add(entry(list.get(i), pointer));
            } catch (BadEntry e) {
                problems.add(new Problem(new Location(name, e.pointer), "skipped entry: " + e.getMessage()));
            }
        }
        String version = text(root, "catalogVersion");
        return new KevCatalog(version == null ? "" : version, instant(text(root, "dateReleased")), entries, problems);
    }

    private static KevEntry entry(JsonNode node, String pointer) throws BadEntry {
        if (!node.isObject()) {
            throw new BadEntry(pointer, "expected an object");
        }
        String cve = required(node, "cveID", pointer);
        if (!CVE_ID.matcher(cve).matches()) {
            throw new BadEntry(pointer + "/cveID", "expected a CVE id like CVE-2021-44228, got '" + cve + "'");
        }
        LocalDate added = date(required(node, "dateAdded", pointer), pointer + "/dateAdded");
        String due = text(node, "dueDate");
        return new KevEntry(cve, added, due == null || due.isBlank() ? null : date(due, pointer + "/dueDate"),
                "Known".equalsIgnoreCase(String.valueOf(text(node, "knownRansomwareCampaignUse")).strip()),
                required(node, "requiredAction", pointer),
                required(node, "vendorProject", pointer),
                required(node, "product", pointer),
                required(node, "vulnerabilityName", pointer));
    }

    private static String required(JsonNode node, String field, String pointer) throws BadEntry {
        String value = text(node, field);
        if (value == null) {
            throw new BadEntry(pointer + "/" + field, "missing required text field " + field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static LocalDate date(String text, String pointer) throws BadEntry {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadEntry(pointer, "expected a date YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null; // informative only: the catalog version is the watermark
        }
    }

    private static final class BadEntry extends Exception {
        private final String pointer;

        BadEntry(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }
    }
}
