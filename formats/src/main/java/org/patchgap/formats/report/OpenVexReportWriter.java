package org.patchgap.formats.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.formats.ignore.IgnoredFinding;

/**
 * Writes a scan's findings and not-affected matches as an OpenVEX 0.2.0 document: a statement per vulnerability,
 * status and wording, naming every component it applies to as a product (by purl; a component without one by a
 * {@code urn:patchgap:} IRI and its CPE when it has one).
 *
 * <ul>
 *   <li>a finding: {@code affected}, with the upgrade or fix as {@code action_statement} (the spec requires one);
 *   <li>a match a vendor states is not affected: {@code not_affected} with its CSAF justification (OpenVEX's labels
 *       are CSAF's) and impact statement, else an impact statement naming the statement's source;
 *   <li>an ignored finding: {@code affected}, the rule's reason and expiry as the action statement (the risk is
 *       accepted, the component stays affected).
 * </ul>
 *
 * Written with Jackson's streaming generator: no maintained Java library for OpenVEX exists on Maven Central.
 * The spec needs at least one statement, so a scan with nothing to state has no OpenVEX document
 * ({@link #hasStatements}).
 */
public final class OpenVexReportWriter {

    static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";

    private final VexAuthor author;
    private final String toolVersion;
    private final Instant timestamp;

    public OpenVexReportWriter(VexAuthor author, String toolVersion, Instant timestamp) {
        this.author = author;
        this.toolVersion = toolVersion;
        this.timestamp = timestamp.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Whether the report has something to state: a finding, a not-affected match or an ignored finding. */
    public static boolean hasStatements(ScanReport report) {
        return !report.findings().isEmpty() || !report.notAffected().isEmpty() || !report.ignored().isEmpty();
    }

    /** Writes {@code report} to {@code out} (UTF-8, pretty-printed, ending with a newline); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        if (!hasStatements(report)) throw new IllegalArgumentException("an OpenVEX document needs a statement");
        Map<StatementKey, Statement> statements = new LinkedHashMap<>();
        Map<ScanReport.FindingKey, Upgrade> upgrades = report.upgradeIndex();
        for (Finding f : report.findings()) {
            add(statements, f, "affected", null, null, action(f, upgrades.get(ScanReport.FindingKey.of(f))));
        }
        for (SuppressedFinding s : report.notAffected()) {
            String justification = s.statement().justification() == null ? null : s.statement().justification().label();
            String impact = s.statement().impactStatement() != null ? s.statement().impactStatement().strip()
                    : justification == null ? "The vendor states this product is not affected (" + s.recordId() + " in "
                            + s.source() + ")." : null;
            add(statements, s.finding(), "not_affected", justification, impact, null);
        }
        for (IgnoredFinding i : report.ignored()) {
            add(statements, i.finding(), "affected", null, null, i.acceptance());
        }
        try (JsonGenerator json = JsonReportWriter.generator(out)) {
            json.writeStartObject();
            json.writeStringField("@context", CONTEXT);
            json.writeStringField("@id", "urn:uuid:" + documentId(statements));
            json.writeStringField("author", author.name());
            json.writeStringField("role", "Document Creator");
            json.writeStringField("timestamp", timestamp.toString());
            json.writeNumberField("version", 1);
            json.writeStringField("tooling", "Patchgap " + toolVersion);
            json.writeArrayFieldStart("statements");
            for (Map.Entry<StatementKey, Statement> e : statements.entrySet()) writeStatement(json, e.getKey(), e.getValue());
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /** The finding's component into the statement of its vulnerability and wording (one statement per pair). */
    private static void add(Map<StatementKey, Statement> statements, Finding f, String status,
            @Nullable String justification, @Nullable String impact, @Nullable String action) {
        statements.computeIfAbsent(new StatementKey(f.vulnerability().id(), status, justification, impact, action),
                k -> new Statement(f.vulnerability(), new LinkedHashSet<>())).products().add(f.component());
    }

    private static void writeStatement(JsonGenerator json, StatementKey key, Statement statement) throws IOException {
        org.patchgap.core.model.Vulnerability vulnerability = statement.vulnerability();
        Set<Component> products = statement.products();
        json.writeStartObject();
        json.writeObjectFieldStart("vulnerability");
        // The CVE is the name other tools match by; the record's own id stays as an alias.
        String cve = vulnerability.cve();
        String name = cve != null ? cve : vulnerability.id();
        json.writeStringField("name", name);
        Set<String> aliases = new LinkedHashSet<>();
        aliases.add(vulnerability.id());
        aliases.addAll(vulnerability.aliases());
        aliases.remove(name);
        if (!aliases.isEmpty()) JsonReportWriter.writeStrings(json, "aliases", List.copyOf(aliases));
        if (vulnerability.summary() != null && !vulnerability.summary().isBlank()) {
            json.writeStringField("description", vulnerability.summary().strip());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("products");
        Set<String> ids = new LinkedHashSet<>();
        for (Component c : products) {
            String id = productId(c);
            if (!ids.add(id)) continue; // the same package in two targets is one product
            json.writeStartObject();
            json.writeStringField("@id", id);
            if (c.purl() != null || c.cpe() != null) {
                json.writeObjectFieldStart("identifiers");
                if (c.purl() != null) json.writeStringField("purl", c.purl());
                if (c.cpe() != null) json.writeStringField(c.cpe().startsWith("cpe:2.3:") ? "cpe23" : "cpe22", c.cpe());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("status", key.status());
        if (key.justification() != null) json.writeStringField("justification", key.justification());
        if (key.impact() != null) json.writeStringField("impact_statement", key.impact());
        if (key.action() != null) json.writeStringField("action_statement", key.action());
        json.writeEndObject();
    }

    /** The product's IRI: its purl, else a {@code urn:patchgap:} name of its ecosystem, name and version. */
    static String productId(Component c) {
        if (c.purl() != null) return c.purl();
        return "urn:patchgap:component:" + encode(c.ecosystem() == null ? "unknown" : c.ecosystem()) + ":"
                + encode(c.name()) + ":" + encode(c.version() == null ? "" : c.version());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String action(Finding f, @Nullable Upgrade upgrade) {
        if (upgrade != null && upgrade.toVersion() != null) {
            return FindingText.WINDOWS.equals(f.component().ecosystem()) ? "Install " + upgrade.toVersion() + "."
                    : "Upgrade " + f.component().name() + " to " + upgrade.toVersion() + ".";
        }
        if (f.fixedVersions().isEmpty() && f.vendorFix().isPresent()) {
            org.patchgap.core.model.Remediation vendor = f.vendorFix().get();
            return "Apply the vendor fix: " + vendor.details().strip().replaceAll("\\s+", " ")
                    + (vendor.url() == null ? "" : " (" + vendor.url() + ")");
        }
        String fix = FindingText.fix(f);
        return fix.equals("no fix") ? "No fix is published; remove the component or mitigate." : "Fix: " + fix + ".";
    }

    private UUID documentId(Map<StatementKey, Statement> statements) {
        StringBuilder content = new StringBuilder(timestamp.toString()).append('\n').append(author.name());
        statements.forEach((k, statement) -> content.append('\n').append(k.vulnerabilityId()).append(' ')
                .append(k.status()).append(' ').append(statement.products().size()));
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** What makes two findings one statement: the same vulnerability (by id) said in the same words. */
    private record StatementKey(String vulnerabilityId, String status, @Nullable String justification,
            @Nullable String impact, @Nullable String action) {}

    /** A statement's vulnerability (the first finding's record) and the components it is about. */
    private record Statement(org.patchgap.core.model.Vulnerability vulnerability, Set<Component> products) {}
}
