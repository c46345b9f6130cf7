package org.patchgap.formats.kev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;

/**
 * The KEV catalog as CISA publishes it ({@code known_exploited_vulnerabilities.json}: {@code catalogVersion},
 * {@code vulnerabilities[]} with {@code cveID}, {@code vendorProject}, {@code product}, {@code vulnerabilityName},
 * {@code dateAdded}, {@code dueDate}, {@code requiredAction}, {@code knownRansomwareCampaignUse}, {@code cwes}),
 * or an excerpt of it in the same format. Looked up by CVE id.
 *
 * <pre>{@code
 * KevCatalog kev = KevCatalog.read(Path.of("examples/advisories/kev/known_exploited_vulnerabilities-ms17-010.json")).items().get(0);
 * kev.lookup("CVE-2017-0144").ifPresent(e -> System.out.println("exploited; ransomware: " + e.knownRansomwareUse()));
 * }</pre>
 */
public final class KevCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String version;
    private final Map<String, KevEntry> byCve;

    private KevCatalog(String version, Map<String, KevEntry> byCve) {
        this.version = version;
        this.byCve = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCve));
    }

    /** The catalog's {@code catalogVersion}, e.g. {@code 2025.08.25}. */
    public String version() {
        return version;
    }

    public Optional<KevEntry> lookup(String cveId) {
        return Optional.ofNullable(byCve.get(cveId));
    }

    public int size() {
        return byCve.size();
    }

    /** Every entry, in the catalog's order (for storing the catalog, e.g. in the advisory database). */
    public List<KevEntry> entries() {
        return List.copyOf(byCve.values());
    }

    /** A catalog of these entries, as read back from storage. */
    public static KevCatalog of(String version, List<KevEntry> entries) {
        Map<String, KevEntry> byCve = new LinkedHashMap<>();
        entries.forEach(e -> byCve.put(e.cveId(), e));
        return new KevCatalog(version, byCve);
    }

    /** Whether {@code file} looks like a KEV catalog (for callers walking an advisory directory). */
    public static boolean isKevCatalog(byte[] head) {
        String s = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return s.contains("\"catalogVersion\"") && s.contains("\"vulnerabilities\"");
    }

    /**
     * Reads a catalog file: one {@link KevCatalog} (the result's single item); an entry without a CVE id or with a
     * bad date is skipped and reported as a problem at its JSON pointer.
     */
    public static ReadResult<KevCatalog> read(Path file) throws BadInputException {
        JsonNode root;
        try {
            org.patchgap.formats.support.InputLimits.requireReadableWhole(file);
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(Location.of(file.toString()), "no such file");
        } catch (JsonProcessingException e) {
            String place = e.getLocation() == null ? null
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(new Location(file.toString(), place), "malformed JSON (expected the KEV catalog)");
        } catch (IOException e) {
            throw new BadInputException(Location.of(file.toString()), "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("vulnerabilities").isArray()) {
            throw new BadInputException(new Location(file.toString(), "/vulnerabilities"),
                    "expected the KEV catalog: an object with a vulnerabilities array");
        }
        Map<String, KevEntry> entries = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode list = root.get("vulnerabilities");
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            String pointer = "/vulnerabilities/" + i;
            String cve = text(v, "cveID");
            if (cve == null || !cve.matches("CVE-\\d{4}-\\d{4,}")) {
                problems.add(new Problem(new Location(file.toString(), pointer + "/cveID"), "expected a CVE id; entry skipped"));
                continue;
            }
            LocalDate added = date(v, "dateAdded");
            if (added == null) {
                problems.add(new Problem(new Location(file.toString(), pointer + "/dateAdded"),
                        "expected a date like 2022-02-10; entry skipped"));
                continue;
            }
            List<String> cwes = new ArrayList<>();
            v.path("cwes").forEach(c -> cwes.add(c.asText()));
            entries.put(cve, new KevEntry(cve, orEmpty(text(v, "vendorProject")), orEmpty(text(v, "product")),
                    orEmpty(text(v, "vulnerabilityName")), added, date(v, "dueDate"), text(v, "requiredAction"),
                    "Known".equalsIgnoreCase(text(v, "knownRansomwareCampaignUse")), cwes));
        }
        String version = Optional.ofNullable(text(root, "catalogVersion")).orElse("unknown");
        return new ReadResult<>(List.of(new KevCatalog(version, entries)), problems);
    }

    private static @Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static @Nullable LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
