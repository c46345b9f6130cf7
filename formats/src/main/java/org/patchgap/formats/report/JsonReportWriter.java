package org.patchgap.formats.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.model.SourceRecord;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Priority;
import org.patchgap.core.priority.Prioritizer;
import org.patchgap.formats.kev.KevEntry;

/**
 * Writes a {@link ScanReport} as one JSON object: {@code findings}, {@code upgrades}, {@code notAffected} (matches
 * a vendor's VEX statement kept out of the findings), {@code summary} and {@code problems}. The field names are a stable contract (docs/cli.md): fields are only ever added.
 *
 * <p>Written with Jackson's streaming generator rather than data binding: the shape is spelled out here, in
 * one place, and the core model stays free of JSON annotations.
 */
public final class JsonReportWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The server stores findings one by one with the default mission impact. */
    private static final Prioritizer MEDIUM_MISSION = new Prioritizer(CisaTree.MissionImpact.MEDIUM);

    private final Prioritizer prioritizer;

    /** A writer whose priorities assume a medium mission and well-being impact (SSVC's middle value). */
    public JsonReportWriter() {
        this(CisaTree.MissionImpact.MEDIUM);
    }

    /** A writer whose priorities use the targets' {@code mission} and well-being impact. */
    public JsonReportWriter(CisaTree.MissionImpact mission) {
        this.prioritizer = new Prioritizer(mission);
    }

    /** Writes {@code report} to {@code out} (UTF-8, pretty-printed, ending with a newline); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = generator(out)) {
            Map<ScanReport.FindingKey, Upgrade> upgrades = report.upgradeIndex();
            json.writeStartObject();
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                writeFinding(json, finding, upgrades.get(ScanReport.FindingKey.of(finding)),
                        report.knownExploited(finding).orElse(null), report.epss(finding).orElse(null), prioritizer);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("upgrades");
            for (Upgrade upgrade : report.upgrades()) writeUpgrade(json, upgrade);
            json.writeEndArray();
            json.writeArrayFieldStart("notAffected");
            for (SuppressedFinding s : report.notAffected()) writeNotAffected(json, s);
            json.writeEndArray();
            json.writeArrayFieldStart("ignored");
            for (org.patchgap.formats.ignore.IgnoredFinding i : report.ignored()) writeIgnored(json, i);
            json.writeEndArray();
            writeSummary(json, report);
            writeProblems(json, report.problems());
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    /**
     * One finding exactly as an element of the report's {@code findings} array, compact: for stores that keep
     * findings one by one (the fleet server) and must serve them in the CLI's shape.
     */
    public static byte[] findingJson(Finding finding, @Nullable Upgrade upgrade, @Nullable KevEntry knownExploited,
            @Nullable EpssScore epss) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            writeFinding(json, finding, upgrade, knownExploited, epss, MEDIUM_MISSION);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        json.setPrettyPrinter(pretty);
        return json;
    }

    private static void writeFinding(JsonGenerator json, Finding finding, @Nullable Upgrade upgrade,
            @Nullable KevEntry knownExploited, @Nullable EpssScore epss, Prioritizer prioritizer) throws IOException {
        json.writeStartObject();
        json.writeStringField("target", finding.target());
        json.writeFieldName("package");
        writePackage(json, finding.component());
        json.writeFieldName("location");
        writeLocation(json, finding.component().location());
        json.writeFieldName("vulnerability");
        writeVulnerability(json, finding.vulnerability());
        json.writeFieldName("severity");
        writeSeverity(json, finding.severity());
        json.writeStringField("evidence", finding.evidence());
        writeStrings(json, "fixedVersions", finding.fixedVersions());
        writeNullableString(json, "fix", finding.fixedVersions().isEmpty() ? null : finding.fixedVersions().get(0));
        writeNullableString(json, "upgrade", upgrade == null ? null : upgrade.toVersion());
        json.writeBooleanField("exactOrder", finding.exactOrder());
        writeKnownExploited(json, knownExploited);
        writeEpss(json, epss);
        writePriority(json, prioritizer.of(finding, knownExploited != null, epss == null ? null : epss.score()));
        writeRemediations(json, finding.remediations());
        json.writeEndObject();
    }

    /** CISA's SSVC decision for the finding, its inputs as an SSVC vector, and why each input has its value. */
    private static void writePriority(JsonGenerator json, Priority priority) throws IOException {
        json.writeObjectFieldStart("priority");
        json.writeStringField("decision", priority.decision().label());
        json.writeStringField("ssvc", priority.vector());
        writeStrings(json, "reasons", priority.reasons());
        json.writeEndObject();
    }

    /** FIRST's EPSS score of the finding's CVE, or null when it has none (or no EPSS data was given). */
    private static void writeEpss(JsonGenerator json, @Nullable EpssScore score) throws IOException {
        if (score == null) {
            json.writeNullField("epss");
            return;
        }
        json.writeObjectFieldStart("epss");
        json.writeNumberField("score", score.score());
        json.writeNumberField("percentile", score.percentile());
        json.writeStringField("date", score.date().toString());
        json.writeEndObject();
    }

    /** What the vendor says to do (CSAF remediations), every one, in the document's order. */
    private static void writeRemediations(JsonGenerator json, List<Remediation> remediations) throws IOException {
        json.writeArrayFieldStart("remediations");
        for (Remediation r : remediations) {
            json.writeStartObject();
            json.writeStringField("category", r.category().label());
            json.writeStringField("details", r.details());
            writeNullableString(json, "url", r.url());
            writeNullableString(json, "date", r.date() == null ? null : r.date().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** A match kept out of the findings by a not-affected statement, with the statement and who made it. */
    private static void writeNotAffected(JsonGenerator json, SuppressedFinding s) throws IOException {
        Finding f = s.finding();
        json.writeStartObject();
        writeLeftOut(json, f);
        json.writeStringField("evidence", f.evidence());
        writeNullableString(json, "justification",
                s.statement().justification() == null ? null : s.statement().justification().label());
        writeNullableString(json, "impactStatement", s.statement().impactStatement());
        json.writeObjectFieldStart("statement");
        json.writeStringField("id", s.recordId());
        json.writeStringField("source", s.source());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** What a left-out match (VEX or ignore rule) says of itself: target, package, place, vulnerability ids. */
    private static void writeLeftOut(JsonGenerator json, Finding f) throws IOException {
        json.writeStringField("target", f.target());
        json.writeFieldName("package");
        writePackage(json, f.component());
        json.writeFieldName("location");
        writeLocation(json, f.component().location());
        json.writeObjectFieldStart("vulnerability");
        json.writeStringField("id", f.vulnerability().id());
        writeStrings(json, "aliases", f.vulnerability().aliases());
        json.writeEndObject();
    }

    /** A finding an ignore rule keeps out, with the rule: what, why, until when, and where it is written. */
    private static void writeIgnored(JsonGenerator json, org.patchgap.formats.ignore.IgnoredFinding i) throws IOException {
        Finding f = i.finding();
        json.writeStartObject();
        writeLeftOut(json, f);
        json.writeFieldName("severity");
        writeSeverity(json, f.severity());
        json.writeObjectFieldStart("rule");
        json.writeStringField("id", i.rule().id());
        writeNullableString(json, "package", i.rule().packageName());
        writeNullableString(json, "versions", i.rule().versions());
        json.writeStringField("reason", i.rule().reason());
        writeNullableString(json, "expires", i.rule().expires() == null ? null : i.rule().expires().toString());
        json.writeStringField("file", i.rule().file());
        json.writeNumberField("line", i.rule().line());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** CISA KEV facts of the finding's CVE, or null when it is not in the catalog (or no catalog was given). */
    private static void writeKnownExploited(JsonGenerator json, @Nullable KevEntry entry) throws IOException {
        if (entry == null) {
            json.writeNullField("knownExploited");
            return;
        }
        json.writeObjectFieldStart("knownExploited");
        json.writeStringField("cve", entry.cveId());
        json.writeStringField("dateAdded", entry.dateAdded().toString());
        writeNullableString(json, "dueDate", entry.dueDate() == null ? null : entry.dueDate().toString());
        json.writeBooleanField("knownRansomwareCampaignUse", entry.knownRansomwareUse());
        writeNullableString(json, "requiredAction", entry.requiredAction());
        json.writeEndObject();
    }

    static void writePackage(JsonGenerator json, Component component) throws IOException {
        json.writeStartObject();
        writeNullableString(json, "ecosystem", component.ecosystem());
        json.writeStringField("name", component.name());
        writeNullableString(json, "version", component.version());
        writeNullableString(json, "purl", component.purl());
        json.writeEndObject();
    }

    static void writeLocation(JsonGenerator json, Location location) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", location.file());
        writeNullableString(json, "place", location.place());
        json.writeEndObject();
    }

    private static void writeVulnerability(JsonGenerator json, Vulnerability vulnerability) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", vulnerability.id());
        writeStrings(json, "aliases", vulnerability.aliases());
        writeNullableString(json, "summary", vulnerability.summary());
        writeNullableString(json, "published", vulnerability.published() == null ? null : vulnerability.published().toString());
        writeNullableString(json, "modified", vulnerability.modified() == null ? null : vulnerability.modified().toString());
        writeStrings(json, "cwes", vulnerability.weaknesses());
        writeStrings(json, "references", vulnerability.references());
        json.writeStringField("source", vulnerability.source());
        json.writeArrayFieldStart("records");
        for (SourceRecord record : vulnerability.provenance()) {
            json.writeStartObject();
            json.writeStringField("id", record.id());
            json.writeStringField("source", record.source());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSeverity(JsonGenerator json, Severity severity) throws IOException {
        json.writeStartObject();
        json.writeStringField("level", severity.level().label());
        json.writeFieldName("score");
        if (severity.score() == null) json.writeNull(); else json.writeNumber(severity.score());
        writeNullableString(json, "vector", severity.vector());
        json.writeStringField("type", severity.type());
        json.writeEndObject();
    }

    private static void writeUpgrade(JsonGenerator json, Upgrade upgrade) throws IOException {
        json.writeStartObject();
        json.writeStringField("target", upgrade.target());
        json.writeFieldName("package");
        writePackage(json, upgrade.component());
        writeNullableString(json, "from", upgrade.component().version());
        writeNullableString(json, "to", upgrade.toVersion());
        writeStrings(json, "removes", upgrade.toVersion() == null ? List.of() : upgrade.vulnerabilityIds());
        writeStrings(json, "unfixed", upgrade.unfixed());
        json.writeEndObject();
    }

    private static void writeSummary(JsonGenerator json, ScanReport report) throws IOException {
        ScanSummary s = report.summary();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("targets", s.targets());
        json.writeNumberField("components", s.components());
        json.writeNumberField("componentsUnmatchable", s.componentsUnmatchable());
        json.writeObjectFieldStart("findings");
        json.writeNumberField("total", report.findings().size());
        Map<SeverityLevel, Integer> bySeverity = report.findingsBySeverity();
        for (int i = SeverityLevel.values().length - 1; i >= 0; i--) {
            SeverityLevel level = SeverityLevel.values()[i];
            json.writeNumberField(level.label(), bySeverity.get(level));
        }
        json.writeEndObject();
        json.writeNumberField("notAffected", report.notAffected().size());
        json.writeNumberField("advisories", s.advisoryRecords());
        json.writeNumberField("vulnerabilities", s.vulnerabilities());
        json.writeNumberField("withdrawn", s.withdrawn());
        json.writeNumberField("gitRanges", s.gitRanges());
        json.writeNumberField("droppedRanges", s.droppedRanges());
        json.writeObjectFieldStart("skipped");
        json.writeNumberField("advisories", s.skippedAdvisories());
        json.writeNumberField("components", s.skippedComponents());
        json.writeNumberField("files", s.skippedFiles());
        json.writeEndObject();
        json.writeEndObject();
    }

    static void writeProblems(JsonGenerator json, List<Problem> problems) throws IOException {
        json.writeArrayFieldStart("problems");
        for (Problem problem : problems) {
            json.writeStartObject();
            json.writeStringField("file", problem.location().file());
            writeNullableString(json, "place", problem.location().place());
            json.writeStringField("message", problem.message());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) json.writeString(value);
        json.writeEndArray();
    }

    static void writeNullableString(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value == null) json.writeNullField(field); else json.writeStringField(field, value);
    }
}
