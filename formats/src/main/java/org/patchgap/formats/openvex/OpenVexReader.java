package org.patchgap.formats.openvex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.support.Inputs;
import org.patchgap.formats.support.Timestamps;
import org.patchgap.formats.support.VexStatements;

/**
 * Reads an OpenVEX document (JSON-LD, spec v0.2.0 and the earlier v0.0.x drafts) into not-affected statements:
 * one {@link Vulnerability} per {@code vulnerability.name} (its {@code aliases} as aliases), carrying a
 * {@link NotAffectedStatement} for each product or subcomponent of a {@code not_affected} statement that a purl
 * ({@code @id} or {@code identifiers.purl}) or a CPE ({@code identifiers.cpe23}, else {@code cpe22}) identifies.
 * The {@code justification} labels are CSAF's; {@code impact_statement} is the impact text.
 *
 * <p>Statements are a sequence in time (spec, "The VEX Statement"): for a vulnerability and product, the latest
 * statement (its {@code timestamp}, else the document's; document order breaks ties) decides, so a
 * {@code not_affected} later superseded by {@code affected}, {@code fixed} or {@code under_investigation} makes no
 * statement. Those statuses are never a source of findings: {@code affected} and {@code fixed} name products, not
 * vulnerable version ranges, and the ranges of other sources decide (docs/formats/vex.md).
 *
 * <p>A file that is not JSON or not an OpenVEX document is a {@link BadInputException}; a statement without
 * vulnerability name or known status, a {@code not_affected} without justification and impact statement (the spec
 * requires one), and a product without purl or CPE are problems, and the rest is read.
 */
public final class OpenVexReader implements AdvisoryReader {

    /** The {@code @context} of every OpenVEX version ({@code https://openvex.dev/ns/v0.2.0}, or without version). */
    public static final String CONTEXT = "https://openvex.dev/ns";

    private static final Set<String> STATUSES = Set.of("not_affected", "affected", "fixed", "under_investigation");

    /** Whether a JSON file's first bytes are an OpenVEX document's: its {@code @context}. */
    public static boolean isOpenVex(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        return text.contains("\"@context\"") && text.contains(CONTEXT);
    }

    @Override
    public ReadResult<Vulnerability> read(Path path) throws BadInputException {
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(Location.of(path.toString()), "expected an OpenVEX document (a JSON file)");
        }
        JsonNode root = Inputs.json(path);
        String source = path.toString();
        String context = Inputs.field(root, "@context");
        if (!root.isObject() || context == null || !context.startsWith(CONTEXT)) {
            throw Inputs.expected(path, "/@context", "an OpenVEX document (@context " + CONTEXT + "...)");
        }
        JsonNode statements = root.path("statements");
        if (!statements.isArray()) {
            throw Inputs.expected(path, "/statements", "an array of OpenVEX statements");
        }
        Instant documentTime = instant(Inputs.field(root, "timestamp"));
        List<Problem> problems = new ArrayList<>();
        List<Said> said = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            read(statements.get(i), i, new Location(source, "/statements/" + i), documentTime, said, problems);
        }
        return new ReadResult<>(records(said, source), problems);
    }

    /** One product's status for one vulnerability, as one statement says it. */
    private record Said(String vulnerability, List<String> aliases, @Nullable String description,
            @Nullable Instant time, int order, String product, String status,
            @Nullable NotAffectedStatement statement) {}

    private static void read(JsonNode s, int order, Location at, @Nullable Instant documentTime, List<Said> out,
            List<Problem> problems) {
        JsonNode vulnerability = s.path("vulnerability");
        // v0.0.x wrote the vulnerability as a plain string.
        String name = vulnerability.isTextual() ? vulnerability.asText() : Inputs.field(vulnerability, "name");
        if (name == null || name.isBlank()) {
            problems.add(new Problem(at, "statement without vulnerability name; skipped"));
            return;
        }
        String status = Inputs.field(s, "status");
        if (status == null || !STATUSES.contains(status)) {
            problems.add(new Problem(at, "status " + status + " is not an OpenVEX status (not_affected, affected,"
                    + " fixed, under_investigation); statement skipped"));
            return;
        }
        List<String> aliases = new ArrayList<>();
        vulnerability.path("aliases").forEach(a -> {
            if (a.isTextual() && !a.asText().equals(name) && !aliases.contains(a.asText())) aliases.add(a.asText());
        });
        Instant time = instant(Inputs.field(s, "timestamp"));
        if (time == null) time = documentTime;
        NotAffectedStatement.Justification justification = null;
        String impact = Inputs.field(s, "impact_statement");
        if ("not_affected".equals(status)) {
            String label = Inputs.field(s, "justification");
            justification = label == null ? null : NotAffectedStatement.Justification.ofLabel(label);
            if (label != null && justification == null) {
                problems.add(new Problem(at, "justification " + label + " is not an OpenVEX justification; kept as"
                        + " not affected without justification"));
            }
            if (label == null && impact == null) {
                // Spec, "Statement Fields": a not_affected statement MUST give one of them.
                problems.add(new Problem(at, "not_affected without justification or impact_statement; skipped"));
                return;
            }
        }
        JsonNode products = s.path("products");
        if (!products.isArray() || products.isEmpty()) {
            // Products may be inherited from an encapsulating document (an attestation's subject), which we lack.
            problems.add(new Problem(at, "statement names no products; skipped"));
            return;
        }
        String description = vulnerability.isObject() ? Inputs.field(vulnerability, "description") : null;
        for (int p = 0; p < products.size(); p++) {
            JsonNode product = products.get(p);
            Location productAt = new Location(at.file(), at.place() + "/products/" + p);
            List<JsonNode> subjects = new ArrayList<>();
            List<Location> places = new ArrayList<>();
            subjects.add(product);
            places.add(productAt);
            JsonNode subcomponents = product.path("subcomponents");
            for (int c = 0; c < subcomponents.size(); c++) {
                subjects.add(subcomponents.get(c));
                places.add(new Location(at.file(), productAt.place() + "/subcomponents/" + c));
            }
            for (int k = 0; k < subjects.size(); k++) {
                Said one = said(subjects.get(k), places.get(k), name, aliases, description, time, order, status,
                        justification, impact, problems);
                if (one != null) out.add(one);
            }
        }
    }

    /**
     * One product or subcomponent: identified by a purl ({@code @id} when it is one, else {@code identifiers.purl})
     * or a CPE ({@code identifiers.cpe23}, else {@code cpe22}); the identifier's own version is the version the
     * statement covers, none covers every version.
     */
    private static @Nullable Said said(JsonNode component, Location at, String vulnerability, List<String> aliases,
            @Nullable String description, @Nullable Instant time, int order, String status,
            NotAffectedStatement.@Nullable Justification justification, @Nullable String impact,
            List<Problem> problems) {
        JsonNode identifiers = component.path("identifiers");
        String id = Inputs.field(component, "@id");
        String purl = id != null && id.startsWith("pkg:") ? id : Inputs.field(identifiers, "purl");
        String cpe = Inputs.field(identifiers, "cpe23");
        if (cpe == null) cpe = Inputs.field(identifiers, "cpe22");
        String identifier = purl != null ? purl : cpe;
        if (identifier == null) {
            if ("not_affected".equals(status)) {
                problems.add(new Problem(at, "product " + (id != null ? id : "without @id")
                        + " has neither purl nor CPE and cannot be matched; no statement"));
            }
            return null;
        }
        NotAffectedStatement statement = null;
        if ("not_affected".equals(status)) {
            String what = "product " + identifier;
            VexStatements.Subject subject = purl != null ? VexStatements.ofPurl(purl, what, at, problems)
                    : VexStatements.ofCpe(cpe, what, at, problems);
            if (subject == null) return null;
            Set<String> versions = new LinkedHashSet<>();
            if (subject.version() != null) versions.add(subject.version());
            statement = VexStatements.statement(subject, List.of(), versions, justification, impact);
        }
        return new Said(vulnerability, aliases, description, time, order, identifier, status, statement);
    }

    /**
     * The latest status of each (vulnerability, product) decides; the not-affected ones become the statements of
     * one record per vulnerability.
     */
    private static List<Vulnerability> records(List<Said> said, String source) {
        Map<String, Said> latest = new LinkedHashMap<>();
        List<Said> inTime = new ArrayList<>(said);
        // Undated statements keep document order among themselves and count as older than dated ones.
        inTime.sort(Comparator.comparing(Said::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Said::order));
        for (Said s : inTime) latest.put(s.vulnerability() + "\u0000" + s.product(), s);
        Map<String, List<Said>> byVulnerability = new LinkedHashMap<>();
        for (Said s : said) {
            if (latest.get(s.vulnerability() + "\u0000" + s.product()) == s && s.statement() != null) {
                byVulnerability.computeIfAbsent(s.vulnerability(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Vulnerability> out = new ArrayList<>();
        for (Map.Entry<String, List<Said>> e : byVulnerability.entrySet()) {
            Set<String> aliases = new LinkedHashSet<>();
            List<NotAffectedStatement> statements = new ArrayList<>();
            String description = null;
            Instant time = null;
            for (Said s : e.getValue()) {
                aliases.addAll(s.aliases());
                if (!statements.contains(s.statement())) statements.add(s.statement());
                if (description == null) description = s.description();
                if (s.time() != null && (time == null || s.time().isAfter(time))) time = s.time();
            }
            out.add(new Vulnerability(e.getKey(), List.copyOf(aliases), description, null, time, null, List.of(),
                    List.of(), List.of(), source, statements));
        }
        return out;
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return Timestamps.rfc3339OrNull(s);
    }
}
