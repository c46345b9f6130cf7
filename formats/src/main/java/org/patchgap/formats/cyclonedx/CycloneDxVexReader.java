package org.patchgap.formats.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.NotAffectedStatement.Justification;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.support.Inputs;
import org.patchgap.formats.support.Timestamps;
import org.patchgap.formats.support.VexStatements;

/**
 * The advisory-side reading of a CycloneDX BOM (JSON) that carries VEX: each {@code vulnerabilities[]} entry whose
 * {@code analysis.state} is {@code not_affected} or {@code false_positive} becomes a record (its {@code id}, the
 * {@code references[].id} as aliases) with a {@link NotAffectedStatement} for each {@code affects[]} entry: the
 * {@code ref} is the {@code bom-ref} of a component of the same BOM that has a purl or CPE, a BOM-Link to this BOM
 * ({@code urn:cdx:serial/version#bom-ref}), a purl given directly, or a BOM-Link into another BOM whose bom-ref is a
 * purl (as the CycloneDX Maven plugin writes them). {@code affects[].versions[]} ({@code version}
 * or a {@code vers:} {@code range}, status {@code unaffected} or none) are the versions covered; without them, the
 * version of the referenced purl or component, else every version. {@code analysis.justification} is mapped to
 * CSAF's where one corresponds ({@link #justification}); {@code analysis.detail} is the impact text.
 *
 * <p>Other states ({@code exploitable}, {@code in_triage}, {@code resolved}, ...) make no record: a BOM's
 * vulnerabilities name no affected ranges, and the ranges of other sources decide (docs/formats/vex.md). A BOM is
 * read as an inventory by {@link CycloneDxReader} when it is a scan target; this reader is for
 * {@code --advisories} and {@code db import}.
 *
 * <p>A file that is not JSON, not a CycloneDX BOM, or has no {@code vulnerabilities} array is a
 * {@link BadInputException}; a vulnerability without id and an {@code affects} entry that names nothing matchable
 * are problems, and the rest is read.
 */
public final class CycloneDxVexReader implements AdvisoryReader {

    /**
     * Whether a JSON file's first bytes are a CycloneDX BOM's ({@code "bomFormat": "CycloneDX"}, first in every
     * tool's output we have seen). Whether it carries vulnerabilities is known only after reading it.
     */
    public static boolean isCycloneDx(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return java.util.regex.Pattern.compile("\"bomFormat\"\\s*:\\s*\"CycloneDX\"").matcher(text).find();
    }

    @Override
    public ReadResult<Vulnerability> read(Path path) throws BadInputException {
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(Location.of(path.toString()), "expected a CycloneDX VEX BOM (a JSON file)");
        }
        JsonNode root = Inputs.json(path);
        if (!root.isObject() || !"CycloneDX".equals(Inputs.field(root, "bomFormat"))) {
            throw Inputs.expected(path, "/bomFormat", "a CycloneDX BOM (\"bomFormat\": \"CycloneDX\")");
        }
        JsonNode vulnerabilities = root.path("vulnerabilities");
        if (!vulnerabilities.isArray()) {
            throw Inputs.expected(path, "/vulnerabilities", "a vulnerabilities array (a BOM without one is an"
                    + " inventory: give it as a scan target, not as advisories)");
        }
        String source = path.toString();
        Map<String, JsonNode> components = new HashMap<>();
        JsonNode subject = root.path("metadata").path("component");
        if (subject.isObject()) index(subject, components);
        root.path("components").forEach(c -> index(c, components));
        String serial = Inputs.field(root, "serialNumber");
        List<Problem> problems = new ArrayList<>();
        Map<String, Record> records = new LinkedHashMap<>();
        Unmatched unmatched = new Unmatched();
        for (int i = 0; i < vulnerabilities.size(); i++) {
            read(vulnerabilities.get(i), new Location(source, "/vulnerabilities/" + i), components, serial, records,
                    unmatched, problems);
        }
        unmatched.report(source, problems);
        List<Vulnerability> out = new ArrayList<>();
        for (Map.Entry<String, Record> e : records.entrySet()) {
            Record r = e.getValue();
            if (r.statements.isEmpty()) continue;
            out.add(new Vulnerability(e.getKey(), List.copyOf(r.aliases), r.description, r.published, r.updated,
                    null, List.of(), List.of(), List.copyOf(r.references), source, List.copyOf(r.statements)));
        }
        return new ReadResult<>(out, problems);
    }

    /** What the entries of one vulnerability id say, collected (a BOM may list a vulnerability once per state). */
    /** Refs that name nothing matchable, common enough in real VEX BOMs to be counted rather than listed. */
    private record Unmatched(List<String> productsWithoutIdentity, List<String> foreignLinks) {
        Unmatched() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void report(String source, List<Problem> problems) {
            Location at = new Location(source, "/vulnerabilities");
            if (!productsWithoutIdentity.isEmpty()) {
                problems.add(new Problem(at, productsWithoutIdentity.size() + " affects ref(s) name a component with"
                        + " neither purl nor CPE and cannot be matched, e.g. " + productsWithoutIdentity.get(0)));
            }
            if (!foreignLinks.isEmpty()) {
                problems.add(new Problem(at, foreignLinks.size() + " affects ref(s) are BOM-Links into another BOM"
                        + " whose bom-ref is no purl and cannot be matched, e.g. " + foreignLinks.get(0)));
            }
        }
    }

    private static final class Record {
        final Set<String> aliases = new LinkedHashSet<>();
        final Set<String> references = new LinkedHashSet<>();
        final List<NotAffectedStatement> statements = new ArrayList<>();
        @Nullable String description;
        @Nullable Instant published;
        @Nullable Instant updated;
    }

    private static void index(JsonNode component, Map<String, JsonNode> out) {
        String ref = Inputs.field(component, "bom-ref");
        if (ref != null) out.putIfAbsent(ref, component);
        component.path("components").forEach(c -> index(c, out));
    }

    private static void read(JsonNode v, Location at, Map<String, JsonNode> components, @Nullable String serial,
            Map<String, Record> records, Unmatched unmatched, List<Problem> problems) {
        String id = Inputs.field(v, "id");
        if (id == null || id.isBlank()) {
            problems.add(new Problem(at, "vulnerability without id; skipped"));
            return;
        }
        JsonNode analysis = v.path("analysis");
        String state = Inputs.field(analysis, "state");
        if (!"not_affected".equals(state) && !"false_positive".equals(state)) return;
        Record record = records.computeIfAbsent(id, k -> new Record());
        for (JsonNode ref : v.path("references")) {
            String alias = Inputs.field(ref, "id");
            if (alias != null && !alias.equals(id)) record.aliases.add(alias);
        }
        String url = Inputs.field(v.path("source"), "url");
        if (url != null) record.references.add(url);
        if (record.description == null) record.description = Inputs.field(v, "description");
        if (record.published == null) record.published = instant(Inputs.field(v, "published"));
        Instant updated = instant(Inputs.field(v, "updated"));
        if (updated != null && (record.updated == null || updated.isAfter(record.updated))) record.updated = updated;

        String label = Inputs.field(analysis, "justification");
        Justification justification = label == null ? null : justification(label);
        String detail = Inputs.field(analysis, "detail");
        String impact;
        if ("false_positive".equals(state)) {
            impact = "false positive" + (detail == null ? "" : ": " + detail);
        } else if (label != null && justification == null) {
            // No CSAF label says it: the CycloneDX label stays readable in the impact text.
            impact = label + (detail == null ? "" : ": " + detail);
        } else {
            impact = detail;
        }
        JsonNode affects = v.path("affects");
        if (affects.isEmpty()) {
            problems.add(new Problem(at, "not_affected vulnerability " + id + " names no affects[] entries; no statement"));
            return;
        }
        for (int a = 0; a < affects.size(); a++) {
            NotAffectedStatement statement = statement(affects.get(a), new Location(at.file(), at.place()
                    + "/affects/" + a), components, serial, justification, impact, unmatched, problems);
            if (statement != null && !record.statements.contains(statement)) record.statements.add(statement);
        }
    }

    private static @Nullable NotAffectedStatement statement(JsonNode affect, Location at,
            Map<String, JsonNode> components, @Nullable String serial, @Nullable Justification justification,
            @Nullable String impact, Unmatched unmatched, List<Problem> problems) {
        String ref = Inputs.field(affect, "ref");
        if (ref == null) {
            problems.add(new Problem(at, "affects entry without ref; no statement"));
            return null;
        }
        VexStatements.Subject subject;
        String componentVersion = null;
        LocalRef local = localRef(ref, serial);
        JsonNode component = local.foreign() ? null : components.get(local.ref());
        if (component != null) {
            String purl = Inputs.field(component, "purl");
            String cpe = Inputs.field(component, "cpe");
            if (purl == null && cpe == null) {
                // Typically the product itself (metadata.component, named only): counted, reported once.
                unmatched.productsWithoutIdentity().add(ref);
                return null;
            }
            String what = "component " + ref;
            subject = purl != null ? VexStatements.ofPurl(purl, what, at, problems)
                    : VexStatements.ofCpe(cpe, what, at, problems);
            componentVersion = Inputs.field(component, "version");
        } else if (local.ref().startsWith("pkg:")) {
            // A purl given as the ref, or as the bom-ref a BOM-Link names (tools use purls as bom-refs).
            subject = VexStatements.ofPurl(local.ref(), "ref", at, problems);
        } else if (local.foreign()) {
            unmatched.foreignLinks().add(ref);
            return null;
        } else {
            problems.add(new Problem(at, "ref " + ref + " names no component of this BOM; no statement"));
            return null;
        }
        if (subject == null) return null;
        Set<String> versions = new LinkedHashSet<>();
        List<AffectedRange> ranges = new ArrayList<>();
        JsonNode listed = affect.path("versions");
        if (!listed.isEmpty()) {
            for (int i = 0; i < listed.size(); i++) {
                JsonNode entry = listed.get(i);
                Location entryAt = new Location(at.file(), at.place() + "/versions/" + i);
                String status = Inputs.field(entry, "status");
                if (status != null && !"unaffected".equals(status)) {
                    problems.add(new Problem(entryAt, "version status " + status + " in a not_affected analysis;"
                            + " version ignored"));
                    continue;
                }
                String version = Inputs.field(entry, "version");
                String range = Inputs.field(entry, "range");
                if (version != null) {
                    versions.add(version);
                } else if (range != null) {
                    VexStatements.ranges(subject.ecosystem(), range, "ref " + ref, versions, ranges, entryAt, problems);
                } else {
                    problems.add(new Problem(entryAt, "expected a version or a range; ignored"));
                }
            }
            // Versions were named but none could be held: the statement must not widen to every version.
            if (versions.isEmpty() && ranges.isEmpty()) return null;
        } else if (subject.version() != null) {
            versions.add(subject.version());
        } else if (componentVersion != null && !componentVersion.isBlank()) {
            versions.add(componentVersion);
        }
        return VexStatements.statement(subject, ranges, versions, justification, impact);
    }

    /** A ref with any BOM-Link resolved: the bom-ref it names, and whether that is in another BOM. */
    private record LocalRef(String ref, boolean foreign) {}

    /**
     * A BOM-Link ({@code urn:cdx:<serial>/<version>#<bom-ref>}, CycloneDX 1.5) names the bom-ref after {@code #}: in
     * this BOM when the serial is this BOM's, else in another BOM; any other ref is a bom-ref of this BOM.
     */
    private static LocalRef localRef(String ref, @Nullable String serial) {
        if (!ref.startsWith("urn:cdx:")) return new LocalRef(ref, false);
        int slash = ref.indexOf('/');
        int hash = ref.indexOf('#');
        if (slash < 0 || hash < slash) return new LocalRef(ref, true);
        String uuid = ref.substring("urn:cdx:".length(), slash);
        boolean here = serial != null && serial.startsWith("urn:uuid:")
                && serial.substring("urn:uuid:".length()).equalsIgnoreCase(uuid);
        return new LocalRef(ref.substring(hash + 1), !here);
    }

    /**
     * The CSAF justification a CycloneDX {@code analysis.justification} says, or null where none corresponds. Only
     * the same claim is mapped: {@code code_not_present} and {@code code_not_reachable} are CSAF's "vulnerable code
     * not present / not in execute path"; {@code protected_by_compiler} and {@code protected_at_runtime} are
     * protections built into the product (CSAF's inline mitigations). {@code requires_configuration},
     * {@code requires_dependency}, {@code requires_environment}, {@code protected_at_perimeter} and
     * {@code protected_by_mitigating_control} depend on the deployment, not the product: no CSAF label.
     */
    static @Nullable Justification justification(String label) {
        return switch (label) {
            case "code_not_present" -> Justification.VULNERABLE_CODE_NOT_PRESENT;
            case "code_not_reachable" -> Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH;
            case "protected_by_compiler", "protected_at_runtime" -> Justification.INLINE_MITIGATIONS_ALREADY_EXIST;
            default -> null;
        };
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return Timestamps.rfc3339OrNull(s);
    }
}
