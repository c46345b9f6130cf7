package org.patchgap.formats.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.json.BomJsonGenerator;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.NotAffectedStatement.Justification;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.model.Target;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Priority;
import org.patchgap.core.priority.Prioritizer;
import org.patchgap.formats.ignore.IgnoredFinding;

/**
 * Writes a scan as a CycloneDX 1.6 JSON BOM with a {@code vulnerabilities[]} section (built with
 * cyclonedx-core-java's model and generator): every component of every scanned target, and one vulnerability
 * entry per finding, per not-affected match and per ignored finding, each {@code affects} its component.
 *
 * <p>One entry per affected component, not per vulnerability (as Dependency-Track exports it): CycloneDX's
 * {@code analysis} and the SSVC rating belong to one component (a mitigation on one host, a VEX statement on
 * one build), and a vulnerability-wide entry could hold only one. docs/formats/reports.md has the
 * mapping.
 */
public final class CycloneDxReportWriter {

    private final String toolVersion;
    private final Prioritizer prioritizer;
    private final Instant timestamp;

    /**
     * @param toolVersion the Patchgap version, written as the BOM's tool
     * @param mission     the mission and well-being impact for the SSVC ratings
     * @param timestamp   the BOM's {@code metadata.timestamp} (now, in the CLI)
     */
    public CycloneDxReportWriter(String toolVersion, CisaTree.MissionImpact mission, Instant timestamp) {
        this.toolVersion = toolVersion;
        this.prioritizer = new Prioritizer(mission);
        this.timestamp = timestamp;
    }

    /** Writes {@code report} to {@code out} (UTF-8, pretty-printed, ending with a newline); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        String json;
        try {
            json = new BomJsonGenerator(bom(report), Version.VERSION_16).toJsonString();
        } catch (GeneratorException e) {
            throw new IOException("cannot write the CycloneDX BOM: " + e.getMessage(), e);
        }
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    Bom bom(ScanReport report) {
        BomRefs refs = new BomRefs();
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + serial(report, timestamp));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(timestamp));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName("Patchgap");
        tool.setVersion(toolVersion);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        bom.setMetadata(metadata);

        List<Target> targets = report.targets(); // a report without them describes its findings' components only
        Map<ComponentKey, String> componentRefs = new HashMap<>();
        Map<String, List<Component>> byTarget = new LinkedHashMap<>();
        for (Target target : targets) {
            List<Component> inside = byTarget.computeIfAbsent(target.name(), t -> new ArrayList<>());
            for (org.patchgap.core.model.Component c : target.components()) {
                add(new ComponentKey(target.name(), c), inside, componentRefs, refs);
            }
        }
        // A Windows host's product is not among its components (the matcher makes it from the host's facts).
        List<Finding> all = new ArrayList<>(report.findings());
        report.notAffected().forEach(s -> all.add(s.finding()));
        report.ignored().forEach(i -> all.add(i.finding()));
        for (Finding f : all) {
            add(new ComponentKey(f.target(), f.component()),
                    byTarget.computeIfAbsent(f.target(), t -> new ArrayList<>()), componentRefs, refs);
        }
        List<Component> top = new ArrayList<>();
        Map<String, Target> targetByName = new HashMap<>();
        for (Target t : targets) targetByName.putIfAbsent(t.name(), t);
        for (Map.Entry<String, List<Component>> entry : byTarget.entrySet()) {
            Target target = targetByName.getOrDefault(entry.getKey(),
                    new Target(entry.getKey(), Target.Kind.APPLICATION, entry.getKey(), List.of()));
            if (byTarget.size() == 1) {
                metadata.setComponent(targetComponent(target, refs));
                top.addAll(entry.getValue());
            } else {
                Component holder = targetComponent(target, refs);
                if (!entry.getValue().isEmpty()) holder.setComponents(entry.getValue());
                top.add(holder);
            }
        }
        bom.setComponents(top);

        Map<ScanReport.FindingKey, Upgrade> upgrades = report.upgradeIndex();
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (ScanReport.Prioritized p : report.mostUrgentFirst(prioritizer)) {
            Finding f = p.finding();
            Vulnerability v = vulnerability(f, refOf(componentRefs, f), refs, Vulnerability.Version.Status.AFFECTED);
            v.setRatings(ratings(f, p.priority()));
            Upgrade upgrade = upgrades.get(ScanReport.FindingKey.of(f));
            v.setRecommendation(recommendation(f, upgrade));
            v.setProperties(properties(report, f, p.priority()));
            vulnerabilities.add(v);
        }
        for (SuppressedFinding s : report.notAffected()) {
            Finding f = s.finding();
            Vulnerability v = vulnerability(f, refOf(componentRefs, f), refs, Vulnerability.Version.Status.UNAFFECTED);
            Analysis analysis = new Analysis();
            Justification j = s.statement().justification();
            String impact = s.statement().impactStatement();
            // A false positive is written as our CycloneDX reader reads one: no justification, "false positive: ..."
            boolean falsePositive = j == null && impact != null && impact.regionMatches(true, 0, "false positive", 0, 14);
            analysis.setState(falsePositive ? Analysis.State.FALSE_POSITIVE : Analysis.State.NOT_AFFECTED);
            Analysis.Justification cdx = j == null ? null : justification(j);
            if (cdx != null) analysis.setJustification(cdx);
            StringBuilder detail = new StringBuilder();
            if (j != null) detail.append("CSAF justification ").append(j.label()).append(". ");
            if (s.statement().impactStatement() != null) detail.append(s.statement().impactStatement().strip()).append(' ');
            detail.append("(stated by ").append(s.recordId()).append(" in ").append(s.source()).append(')');
            analysis.setDetail(detail.toString());
            v.setAnalysis(analysis);
            vulnerabilities.add(v);
        }
        for (IgnoredFinding i : report.ignored()) {
            Finding f = i.finding();
            Vulnerability v = vulnerability(f, refOf(componentRefs, f), refs, Vulnerability.Version.Status.AFFECTED);
            v.setRatings(ratings(f, null));
            Analysis analysis = new Analysis();
            // An ignore rule accepts the risk of a finding that stays: affected, and not to be fixed for now.
            analysis.setState(Analysis.State.EXPLOITABLE);
            analysis.setResponses(List.of(Analysis.Response.WILL_NOT_FIX));
            analysis.setDetail(i.acceptance());
            v.setAnalysis(analysis);
            vulnerabilities.add(v);
        }
        bom.setVulnerabilities(vulnerabilities);
        return bom;
    }

    /** The component into its target's list under a new bom-ref, unless it is there already (listed twice). */
    private static void add(ComponentKey key, List<Component> inside, Map<ComponentKey, String> componentRefs,
            BomRefs refs) {
        if (componentRefs.containsKey(key)) return;
        Component component = component(key.component(), refs);
        componentRefs.put(key, component.getBomRef());
        inside.add(component);
    }

    private static String refOf(Map<ComponentKey, String> componentRefs, Finding f) {
        String ref = componentRefs.get(new ComponentKey(f.target(), f.component()));
        if (ref == null) throw new IllegalStateException("finding of a component no target holds: " + f.component());
        return ref;
    }

    private static Component component(org.patchgap.core.model.Component c, BomRefs refs) {
        Component component = new Component();
        boolean windows = FindingText.WINDOWS.equals(c.ecosystem());
        component.setType(windows ? Component.Type.OPERATING_SYSTEM : Component.Type.LIBRARY);
        component.setName(c.name());
        if (c.version() != null) component.setVersion(c.version());
        if (c.purl() != null) component.setPurl(c.purl());
        if (c.cpe() != null) component.setCpe(c.cpe());
        component.setBomRef(refs.unique(c.purl() != null ? c.purl()
                : (c.ecosystem() == null ? "" : c.ecosystem() + ":") + c.name() + (c.version() == null ? "" : "@" + c.version())));
        List<Property> properties = new ArrayList<>();
        if (c.ecosystem() != null) properties.add(new Property("patchgap:ecosystem", c.ecosystem()));
        properties.add(new Property("patchgap:location", c.location().file()
                + (c.location().place() == null ? "" : " " + c.location().place())));
        component.setProperties(properties);
        return component;
    }

    private static Component targetComponent(Target target, BomRefs refs) {
        Component component = new Component();
        component.setType(switch (target.kind()) {
            case HOST -> Component.Type.DEVICE;
            case IMAGE -> Component.Type.CONTAINER;
            case APPLICATION -> Component.Type.APPLICATION;
        });
        component.setName(target.name());
        component.setBomRef(refs.unique("target:" + target.name()));
        component.setProperties(List.of(new Property("patchgap:source", target.source())));
        return component;
    }

    private static Vulnerability vulnerability(Finding f, String componentRef, BomRefs refs,
            Vulnerability.Version.Status status) {
        org.patchgap.core.model.Vulnerability record = f.vulnerability();
        Vulnerability v = new Vulnerability();
        v.setBomRef(refs.unique(record.id() + "/" + componentRef));
        v.setId(record.id());
        Vulnerability.Source source = source(record.id());
        if (source != null) v.setSource(source);
        List<Vulnerability.Reference> aliases = new ArrayList<>();
        for (String alias : record.aliases()) {
            Vulnerability.Reference reference = new Vulnerability.Reference();
            reference.setId(alias);
            Vulnerability.Source aliasSource = source(alias);
            // CycloneDX requires a source on a reference; an id no public database serves is named by its record
            reference.setSource(aliasSource != null ? aliasSource : named(record.source()));
            aliases.add(reference);
        }
        if (!aliases.isEmpty()) v.setReferences(aliases);
        List<Integer> cwes = new ArrayList<>();
        for (String cwe : record.weaknesses()) {
            if (cwe.matches("CWE-[0-9]{1,9}")) cwes.add(Integer.parseInt(cwe.substring(4)));
        }
        if (!cwes.isEmpty()) v.setCwes(cwes);
        if (record.summary() != null && !record.summary().isBlank()) v.setDescription(record.summary().strip());
        if (record.published() != null) v.setPublished(Date.from(record.published()));
        if (record.modified() != null) v.setUpdated(Date.from(record.modified()));
        List<Vulnerability.Advisory> advisories = new ArrayList<>();
        for (String url : record.references()) {
            if (!url.startsWith("https://") && !url.startsWith("http://")) continue;
            Vulnerability.Advisory advisory = new Vulnerability.Advisory();
            advisory.setUrl(url);
            advisories.add(advisory);
        }
        if (!advisories.isEmpty()) v.setAdvisories(advisories);
        Vulnerability.Affect affect = new Vulnerability.Affect();
        affect.setRef(componentRef);
        if (f.component().version() != null) {
            Vulnerability.Version version = new Vulnerability.Version();
            version.setVersion(f.component().version());
            version.setStatus(status);
            affect.setVersions(List.of(version));
        }
        v.setAffects(List.of(affect));
        return v;
    }

    /** The public database an id belongs to, by its prefix; null for ids none serves by that name. */
    static Vulnerability.@Nullable Source source(String id) {
        if (id.startsWith("CVE-")) return source("NVD", "https://nvd.nist.gov/vuln/detail/" + id);
        if (id.startsWith("GHSA-")) return source("GitHub", "https://github.com/advisories/" + id);
        if (id.matches("(PYSEC|RUSTSEC|GO|OSV|GSD|MAL|DLA|DSA|USN|ALSA|ALBA|RLSA|UVI|BIT|PSF|RSEC)-.*")) {
            return source("OSV", "https://osv.dev/vulnerability/" + id);
        }
        return null;
    }

    private static Vulnerability.Source source(String name, String url) {
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(name);
        source.setUrl(url);
        return source;
    }

    private static Vulnerability.Source named(String name) {
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(name);
        return source;
    }

    /** The finding's CVSS rating (method from its vector), and the SSVC decision with its vector. */
    private static List<Vulnerability.Rating> ratings(Finding f, @Nullable Priority priority) {
        List<Vulnerability.Rating> ratings = new ArrayList<>();
        org.patchgap.core.model.Severity s = f.severity();
        if (s.level() != org.patchgap.core.model.SeverityLevel.UNKNOWN || s.score() != null) {
            Vulnerability.Rating rating = new Vulnerability.Rating();
            if (s.score() != null) rating.setScore(s.score());
            rating.setSeverity(severity(s.level()));
            rating.setMethod(method(s.vector()));
            if (s.vector() != null) rating.setVector(s.vector());
            ratings.add(rating);
        }
        if (priority != null) {
            Vulnerability.Rating ssvc = new Vulnerability.Rating();
            ssvc.setMethod(Vulnerability.Rating.Method.SSVC);
            ssvc.setVector(priority.vector());
            ssvc.setJustification("CISA SSVC deployer decision " + priority.decision().label() + ": "
                    + String.join("; ", priority.reasons()));
            ratings.add(ssvc);
        }
        return ratings;
    }

    private static Vulnerability.Rating.Severity severity(org.patchgap.core.model.SeverityLevel level) {
        return switch (level) {
            case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
            case HIGH -> Vulnerability.Rating.Severity.HIGH;
            case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
            case LOW -> Vulnerability.Rating.Severity.LOW;
            case NONE -> Vulnerability.Rating.Severity.NONE;
            case UNKNOWN -> Vulnerability.Rating.Severity.UNKNOWN;
        };
    }

    private static Vulnerability.Rating.Method method(@Nullable String vector) {
        if (vector == null) return Vulnerability.Rating.Method.OTHER;
        if (vector.startsWith("CVSS:4.0/")) return Vulnerability.Rating.Method.CVSSV4;
        if (vector.startsWith("CVSS:3.1/")) return Vulnerability.Rating.Method.CVSSV31;
        if (vector.startsWith("CVSS:3.0/")) return Vulnerability.Rating.Method.CVSSV3;
        if (vector.startsWith("AV:")) return Vulnerability.Rating.Method.CVSSV2;
        return Vulnerability.Rating.Method.OTHER;
    }

    /**
     * CycloneDX's justification for CSAF's, where it makes the same claim; null for
     * {@code vulnerable_code_cannot_be_controlled_by_adversary} and {@code inline_mitigations_already_exist}, which
     * have no CycloneDX counterpart (the CSAF label stays in the detail). The inverse of the CycloneDX VEX reader.
     */
    static Analysis.@Nullable Justification justification(Justification csaf) {
        return switch (csaf) {
            case COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT -> Analysis.Justification.CODE_NOT_PRESENT;
            case VULNERABLE_CODE_NOT_IN_EXECUTE_PATH -> Analysis.Justification.CODE_NOT_REACHABLE;
            case VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY, INLINE_MITIGATIONS_ALREADY_EXIST -> null;
        };
    }

    private static String recommendation(Finding f, @Nullable Upgrade upgrade) {
        if (upgrade != null && upgrade.toVersion() != null) {
            return (FindingText.WINDOWS.equals(f.component().ecosystem()) ? "Install " : "Upgrade " + f.component().name() + " to ")
                    + upgrade.toVersion() + " (removes every finding of this component that has a fix).";
        }
        String fix = FindingText.fix(f);
        return fix.equals("no fix") ? "No fix is published." : "Fix: " + fix + ".";
    }

    private static List<Property> properties(ScanReport report, Finding f, Priority priority) {
        List<Property> properties = new ArrayList<>();
        properties.add(new Property("patchgap:priority", priority.decision().label()));
        properties.add(new Property("patchgap:target", f.target()));
        properties.add(new Property("patchgap:evidence", f.evidence()));
        report.knownExploited(f).ifPresent(kev -> {
            properties.add(new Property("patchgap:kev:dateAdded", kev.dateAdded().toString()));
            if (kev.dueDate() != null) properties.add(new Property("patchgap:kev:dueDate", kev.dueDate().toString()));
        });
        report.epss(f).ifPresent(e -> properties.add(new Property("patchgap:epss", String.valueOf(e.score()))));
        return properties;
    }

    /** A name-based UUID of the BOM's time and content: another run or another scan gives another serial. */
    private static UUID serial(ScanReport report, Instant timestamp) {
        StringBuilder content = new StringBuilder(timestamp.toString()).append('\n');
        for (Target t : report.targets()) content.append(t.name()).append('\n').append(t.components().size()).append('\n');
        for (Finding f : report.findings()) {
            content.append(f.target()).append(' ').append(f.component().name()).append(' ')
                    .append(f.component().version()).append(' ').append(f.vulnerability().id()).append('\n');
        }
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private record ComponentKey(String target, org.patchgap.core.model.Component component) {}

    /** bom-refs unique in the BOM: the preferred text, else it with {@code #2}, {@code #3}, .... */
    private static final class BomRefs {
        private final Set<String> used = new HashSet<>();

        String unique(String preferred) {
            String ref = preferred;
            for (int n = 2; !used.add(ref); n++) ref = preferred + "#" + n;
            return ref;
        }
    }
}
