package org.patchgap.formats.osv;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.version.VersionSchemes;
import org.patchgap.formats.support.CweIds;

/**
 * Maps one OSV record tree to a {@link Vulnerability}. Three outcomes, each documented in docs/formats/osv.md:
 * the record is not usable (no id, wrong shapes at record level, unreadable {@code withdrawn}) and is skipped;
 * one {@code affected} entry is broken and only that entry is dropped; or a detail is off (a bad CVSS vector,
 * an unreadable date) and the record is kept with a warning. Every case adds a {@link Problem} whose place is
 * the JSON pointer of the offending part.
 */
final class OsvRecordMapper {

    /** The longest summary taken from the first line of {@code details} when a record has no summary. */
    static final int MAX_DERIVED_SUMMARY = 200;

    private static final Pattern HEADING_MARKS = Pattern.compile("^#+\\s*");

    private static final Map<String, RangeEvent.Kind> EVENT_KINDS = Map.of(
            "introduced", RangeEvent.Kind.INTRODUCED,
            "fixed", RangeEvent.Kind.FIXED,
            "last_affected", RangeEvent.Kind.LAST_AFFECTED,
            "limit", RangeEvent.Kind.LIMIT);

    private final String file;
    private final String recordPointer;
    private final List<Problem> problems;
    private @Nullable String id;

    private OsvRecordMapper(String file, String recordPointer, List<Problem> problems) {
        this.file = file;
        this.recordPointer = recordPointer;
        this.problems = problems;
    }

    /**
     * Maps {@code record}, found in {@code file} at {@code recordPointer}, adding any problem to {@code problems}.
     *
     * @return the vulnerability, or null when the record was skipped
     */
    static @Nullable Vulnerability map(JsonNode record, String file, String recordPointer, List<Problem> problems) {
        OsvRecordMapper mapper = new OsvRecordMapper(file, recordPointer, problems);
        try {
            return mapper.map(record);
        } catch (BadRecordException e) {
            String what = mapper.id == null ? "skipped: " : "skipped record " + mapper.id + ": ";
            problems.add(new Problem(mapper.location(e.pointer()), what + e.getMessage()));
            return null;
        }
    }

    private Vulnerability map(JsonNode record) {
        if (!record.isObject()) {
            throw new BadRecordException("", "not an OSV record: expected an object, found " + kind(record));
        }
        JsonNode idNode = record.get("id");
        if (idNode == null || idNode.isNull()) {
            throw new BadRecordException("", "not an OSV record: no \"id\"");
        }
        if (!idNode.isTextual() || idNode.asText().isBlank()) {
            throw new BadRecordException("/id", "expected the id as a non-empty string, found " + kind(idNode));
        }
        id = idNode.asText().strip();

        Instant withdrawn = timestamp(record, "withdrawn");
        if (withdrawn == null && record.hasNonNull("withdrawn")) {
            // Reading it as "not withdrawn" would report findings for a retracted advisory.
            throw new BadRecordException("/withdrawn", "withdrawn is not an RFC 3339 timestamp: '"
                    + record.get("withdrawn").asText() + "'; cannot tell whether the advisory is in force");
        }
        Instant published = timestampOrWarn(record, "published");
        Instant modified = timestampOrWarn(record, "modified");

        List<String> aliases = distinct(strings(record, "aliases", ""));
        aliases.remove(id);

        List<Severity> severities = new ArrayList<>(OsvSeverities.fromList(record.get("severity"), "/severity", this::warn));
        Severity databaseWord = OsvSeverities.fromWord(record.get("database_specific"), "database_specific",
                "/database_specific", this::warn);
        if (databaseWord != null) {
            severities.add(databaseWord);
        }

        Vulnerability v = new Vulnerability(id, List.copyOf(aliases), summary(record), published, modified, withdrawn,
                severities, affected(record.get("affected")), references(record.get("references")), source());
        List<String> cwes = cweIds(record.get("database_specific"));
        return cwes.isEmpty() ? v : v.withWeaknesses(cwes);
    }

    private List<AffectedPackage> affected(@Nullable JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new BadRecordException("/affected", "expected an array, found " + kind(list));
        }
        List<AffectedPackage> packages = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "/affected/" + i;
            try {
                AffectedPackage entry = affectedEntry(list.get(i), at);
                if (entry != null) {
                    packages.add(entry);
                }
            } catch (BadRecordException e) {
                // One broken entry must not hide the packages the rest of the advisory names.
                problems.add(new Problem(location(e.pointer()), id + ": dropped affected entry: " + e.getMessage()));
            }
        }
        return packages;
    }

    private @Nullable AffectedPackage affectedEntry(JsonNode entry, String at) {
        if (!entry.isObject()) {
            throw new BadRecordException(at, "expected an object, found " + kind(entry));
        }
        List<AffectedRange> ranges = ranges(entry.get("ranges"), at + "/ranges");
        JsonNode pkg = entry.get("package");
        if (pkg == null || pkg.isNull()) {
            if (!ranges.isEmpty() && ranges.stream().allMatch(r -> r.type() == AffectedRange.Type.GIT)) {
                // The schema lets an entry name only commits of a repository (osv.dev's CVE records do).
                // Without a package there is nothing a version can be compared with.
                return null;
            }
            throw new BadRecordException(at, "no package (expected {\"ecosystem\": ..., \"name\": ...})");
        }
        if (!pkg.isObject()) {
            throw new BadRecordException(at + "/package", "expected an object, found " + kind(pkg));
        }
        String ecosystem = requiredText(pkg, "ecosystem", at + "/package");
        String name = requiredText(pkg, "name", at + "/package");
        String purl = optionalText(pkg, "purl", at + "/package");
        List<String> versions = strings(entry, "versions", at);

        List<Severity> severities = new ArrayList<>(
                OsvSeverities.fromList(entry.get("severity"), at + "/severity", this::warn));
        for (String specific : List.of("ecosystem_specific", "database_specific")) {
            Severity word = OsvSeverities.fromWord(entry.get(specific), specific, at + "/" + specific, this::warn);
            if (word != null) {
                severities.add(word);
            }
        }
        // A package-level statement without a level (an unscored v4 vector) says less than the record's own
        // severities, which the matcher uses when the package has none.
        Severity severity = severities.stream().filter(s -> s.level() != SeverityLevel.UNKNOWN)
                .max(Severity::bySeverity).orElse(null);
        return new AffectedPackage(VersionSchemes.canonicalName(ecosystem), name, purl, ranges, versions, severity);
    }

    private List<AffectedRange> ranges(@Nullable JsonNode list, String at) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new BadRecordException(at, "expected an array, found " + kind(list));
        }
        List<AffectedRange> ranges = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            ranges.add(range(list.get(i), at + "/" + i));
        }
        return ranges;
    }

    private AffectedRange range(JsonNode range, String at) {
        if (!range.isObject()) {
            throw new BadRecordException(at, "expected an object, found " + kind(range));
        }
        String typeText = requiredText(range, "type", at);
        AffectedRange.Type type = switch (typeText) {
            case "SEMVER" -> AffectedRange.Type.SEMVER;
            case "ECOSYSTEM" -> AffectedRange.Type.ECOSYSTEM;
            case "GIT" -> AffectedRange.Type.GIT;
            default -> throw new BadRecordException(at + "/type",
                    "range type '" + typeText + "' is not SEMVER, ECOSYSTEM or GIT");
        };
        String repo = optionalText(range, "repo", at);
        if (type == AffectedRange.Type.GIT && repo == null) {
            throw new BadRecordException(at, "GIT range without \"repo\"");
        }
        JsonNode events = range.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new BadRecordException(at + "/events", "range has no events (expected a non-empty array)");
        }
        List<RangeEvent> parsed = new ArrayList<>(events.size());
        boolean introduced = false;
        boolean fixed = false;
        boolean lastAffected = false;
        for (int i = 0; i < events.size(); i++) {
            RangeEvent event = event(events.get(i), at + "/events/" + i);
            introduced |= event.kind() == RangeEvent.Kind.INTRODUCED;
            fixed |= event.kind() == RangeEvent.Kind.FIXED;
            lastAffected |= event.kind() == RangeEvent.Kind.LAST_AFFECTED;
            parsed.add(event);
        }
        // OSV schema: events must contain an introduced; fixed and last_affected are mutually exclusive.
        if (!introduced) {
            throw new BadRecordException(at + "/events", "range has no \"introduced\" event");
        }
        if (fixed && lastAffected) {
            throw new BadRecordException(at + "/events", "range has both \"fixed\" and \"last_affected\" events");
        }
        return new AffectedRange(type, repo, parsed);
    }

    private RangeEvent event(JsonNode event, String at) {
        if (!event.isObject() || event.size() != 1) {
            throw new BadRecordException(at, "expected an event object with exactly one of introduced, fixed, "
                    + "last_affected, limit; found " + (event.isObject() ? event.size() + " keys" : kind(event)));
        }
        Map.Entry<String, JsonNode> only = event.properties().iterator().next();
        RangeEvent.Kind kind = EVENT_KINDS.get(only.getKey());
        if (kind == null) {
            throw new BadRecordException(at, "unknown event '" + only.getKey()
                    + "' (expected introduced, fixed, last_affected or limit)");
        }
        JsonNode version = only.getValue();
        if (!version.isTextual() || version.asText().isEmpty()) {
            throw new BadRecordException(at + "/" + only.getKey(), "expected a version string, found " + kind(version));
        }
        return new RangeEvent(kind, version.asText());
    }

    private List<String> references(@Nullable JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            warn("/references", "references ignored: expected an array");
            return List.of();
        }
        List<String> urls = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode url = list.get(i).get("url");
            if (url == null || !url.isTextual() || url.asText().isBlank()) {
                warn("/references/" + i, "reference ignored: no \"url\" string");
            } else {
                urls.add(url.asText().strip());
            }
        }
        return List.copyOf(distinct(urls));
    }

    /**
     * The values without repeats, the first of equal ones kept in place. A short list, as nearly all are, is
     * checked by comparing: a set would hash every URL in full, which cost as much as reading it.
     */
    private static List<String> distinct(List<String> values) {
        if (values.size() > 16) {
            return new ArrayList<>(new LinkedHashSet<>(values));
        }
        List<String> kept = new ArrayList<>(values.size());
        for (String v : values) {
            if (!kept.contains(v)) {
                kept.add(v);
            }
        }
        return kept;
    }

    /**
     * {@code summary}; without one, the first line of {@code details} that is not blank or a Markdown heading
     * (or the first line without its heading marks when all are headings), cut at a word before 200 characters.
     */
    private @Nullable String summary(JsonNode record) {
        String summary = optionalText(record, "summary", "");
        if (summary != null && !summary.isBlank()) {
            return summary.strip();
        }
        String details = optionalText(record, "details", "");
        if (details == null) {
            return null;
        }
        // Markdown headings ("### Impact", as GitHub writes details) say nothing about the flaw itself; when
        // the details are all one line ("### Impact Missing input validation ..."), only the marks go.
        List<String> lines = details.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return null;
        }
        String line = lines.stream().filter(l -> !l.startsWith("#")).findFirst()
                .orElseGet(() -> HEADING_MARKS.matcher(lines.get(0)).replaceFirst(""));
        if (line.length() <= MAX_DERIVED_SUMMARY) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_DERIVED_SUMMARY - 1);
        return line.substring(0, cut > MAX_DERIVED_SUMMARY / 2 ? cut : MAX_DERIVED_SUMMARY - 1).strip() + "…";
    }

    private @Nullable Instant timestampOrWarn(JsonNode record, String field) {
        Instant instant = timestamp(record, field);
        if (instant == null && record.hasNonNull(field)) {
            warn("/" + field, field + " ignored: not an RFC 3339 timestamp: '" + record.get(field).asText() + "'");
        }
        return instant;
    }

    /** RFC 3339 as OSV requires ({@code 2021-01-01T00:00:00Z}); an offset instead of Z is accepted too. */
    private static @Nullable Instant timestamp(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || !node.isTextual()) {
            return null;
        }
        return OsvTimestamps.parse(node.asText().strip());
    }

    /** GitHub's classification, {@code database_specific.cwe_ids}; other databases put none there. */
    private List<String> cweIds(@Nullable JsonNode databaseSpecific) {
        if (databaseSpecific == null || !databaseSpecific.has("cwe_ids")) return List.of();
        JsonNode ids = databaseSpecific.get("cwe_ids");
        if (!ids.isArray()) {
            warn("/database_specific/cwe_ids", "cwe_ids ignored: expected an array");
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String cwe = CweIds.normalize(ids.get(i).isTextual() ? ids.get(i).asText() : null);
            if (cwe == null) warn("/database_specific/cwe_ids/" + i, "not a CWE id, ignored: " + ids.get(i));
            else out.add(cwe);
        }
        return List.copyOf(out);
    }

    private List<String> strings(JsonNode object, String field, String at) {
        JsonNode list = object.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new BadRecordException(at + "/" + field, "expected an array of strings, found " + kind(list));
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isTextual()) {
                throw new BadRecordException(at + "/" + field + "/" + i, "expected a string, found " + kind(item));
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static String requiredText(JsonNode object, String field, String at) {
        String text = optionalText(object, field, at);
        if (text == null || text.isBlank()) {
            throw new BadRecordException(at + "/" + field, "missing \"" + field + "\" (expected a non-empty string)");
        }
        return text;
    }

    private static @Nullable String optionalText(JsonNode object, String field, String at) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadRecordException(at + "/" + field, "expected a string, found " + kind(node));
        }
        return node.asText();
    }

    private void warn(String pointer, String message) {
        problems.add(new Problem(location(pointer), id + ": " + message));
    }

    private Location location(String pointer) {
        String place = recordPointer + pointer;
        return new Location(file, place.isEmpty() ? null : place);
    }

    private String source() {
        return recordPointer.isEmpty() ? file : file + " at " + recordPointer;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
