package org.patchgap.server.findings;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.formats.ignore.IgnoreRule;
import org.patchgap.formats.ignore.IgnoredFinding;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.formats.report.FindingJsonReader;
import org.patchgap.formats.report.ScanReport;
import org.patchgap.formats.report.ScanSummary;
import org.springframework.stereotype.Component;

/**
 * The open findings of a scope with the team's analyses, as the scan report the CLI's VEX writers take: a finding
 * without a decision in force stays a finding (affected); {@code not_affected} becomes a not-affected match with
 * its justification; {@code false_positive} one whose impact statement says so (CycloneDX's reader reads it back
 * as {@code false_positive}); {@code accepted_risk} an ignored finding until its date. The same writers as
 * {@code patchgap scan --format openvex|csaf-vex|cyclonedx}, no second copy of the formats.
 */
@Component
public class FindingVex {

    /** The most findings one export describes; more is an error that asks for a narrower scope. */
    public static final int LIMIT = 100_000;

    private final FindingStore findings;

    public FindingVex(FindingStore findings) {
        this.findings = findings;
    }

    /** The report of the open findings {@code teamId} (null: every team) and {@code target} (null: all) select. */
    public ScanReport report(@Nullable Long teamId, @Nullable String target) {
        List<Finding> affected = new ArrayList<>();
        List<SuppressedFinding> notAffected = new ArrayList<>();
        List<IgnoredFinding> ignored = new ArrayList<>();
        Map<String, KevEntry> kev = new HashMap<>();
        Map<String, EpssScore> epss = new HashMap<>();
        Set<String> targets = new HashSet<>();
        boolean truncated = findings.forEach(new FindingQuery(teamId, target, null, List.of(), null, null, "open", 0, 1000,
                "target"), LIMIT, node -> {
            Finding f = FindingJsonReader.read(node);
            targets.add(f.target());
            facts(node, f, kev, epss);
            JsonNode a = node.path("analysis");
            if (!a.isObject() || !a.path("inForce").asBoolean()) {
                affected.add(f);
                return;
            }
            String decided = "decided by " + a.path("decidedBy").asText() + " on " + a.path("decidedAt").asText();
            switch (a.path("state").asText()) {
                case "not_affected" -> notAffected.add(new SuppressedFinding(f, statement(f,
                        NotAffectedStatement.Justification.ofLabel(a.path("justification").asText()),
                        a.path("detail").asText()), "analysis", "fleet server, " + decided));
                case "false_positive" -> notAffected.add(new SuppressedFinding(f, statement(f, null,
                        "false positive: " + a.path("detail").asText()), "analysis", "fleet server, " + decided));
                case "accepted_risk" -> ignored.add(new IgnoredFinding(f, new IgnoreRule(f.vulnerability().id(),
                        f.component().name(), null, a.path("detail").asText(), LocalDate.parse(a.path("until").asText()),
                        "fleet server analysis, " + decided, 0)));
                default -> affected.add(f);
            }
        });
        if (truncated) throw new IllegalStateException("more than " + LIMIT + " open findings; export one team or target at a time");
        ScanSummary summary = new ScanSummary(targets.size(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        return new ScanReport(affected, List.of(), List.of(), summary, kev, epss, notAffected, ignored);
    }

    private static NotAffectedStatement statement(Finding f, NotAffectedStatement.@Nullable Justification justification,
            String impact) {
        String ecosystem = f.component().ecosystem() == null ? "" : f.component().ecosystem();
        List<String> versions = f.component().version() == null ? List.of() : List.of(f.component().version());
        return new NotAffectedStatement(ecosystem, f.component().name(), null, List.of(), versions, justification, impact);
    }

    /** The KEV and EPSS facts stored with the finding, keyed by CVE as the report keys them. */
    private static void facts(JsonNode node, Finding f, Map<String, KevEntry> kev, Map<String, EpssScore> epss) {
        JsonNode k = node.path("knownExploited");
        if (k.isObject()) {
            String cve = k.path("cve").asText();
            kev.putIfAbsent(cve, new KevEntry(cve, "", "", "", LocalDate.parse(k.path("dateAdded").asText()),
                    k.path("dueDate").isTextual() ? LocalDate.parse(k.path("dueDate").asText()) : null,
                    k.path("requiredAction").isTextual() ? k.path("requiredAction").asText() : null,
                    k.path("knownRansomwareCampaignUse").asBoolean(), List.of()));
        }
        JsonNode e = node.path("epss");
        if (e.isObject()) {
            String cve = f.vulnerability().cve() != null ? f.vulnerability().cve() : f.vulnerability().id();
            epss.putIfAbsent(cve, new EpssScore(cve, e.path("score").asDouble(), e.path("percentile").asDouble(),
                    LocalDate.parse(e.path("date").asText())));
        }
    }
}
