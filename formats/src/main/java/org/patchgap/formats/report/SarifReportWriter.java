package org.patchgap.formats.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.priority.CisaTree;
import org.patchgap.core.priority.Priority;
import org.patchgap.core.priority.Prioritizer;

/**
 * Writes a scan as SARIF 2.1.0 (OASIS), shaped for GitHub code scanning (docs/formats/sarif.md): one rule per
 * vulnerability, one result per finding, located in the lockfile or SBOM that declared the component, at its line
 * when the reader knows it. Built with java-sarif's object model of the standard's schema.
 *
 * <p>What GitHub documents and this writer therefore does: {@code security-severity} (the CVSS score as a string)
 * and the {@code security} tag on each rule, so that results show as security alerts with a severity; relative
 * artifact URIs with forward slashes (absolute paths are made relative to the working directory where they lie
 * under it); a {@code partialFingerprints} entry per result so that re-uploads keep alert identity; start lines of
 * at least 1 (no region when unknown).
 */
public final class SarifReportWriter {

    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
    private static final URI INFORMATION = URI.create("https://github.com/patchgap/patchgap");
    private static final Pattern LINE = Pattern.compile("^line (\\d+)");

    private final String toolVersion;
    private final Prioritizer prioritizer;
    private final Path base;

    /**
     * @param toolVersion the Patchgap version written as the driver's version
     * @param mission     the mission and well-being impact for the priorities in the results' properties
     * @param base        the directory artifact URIs are relative to (the repository root in CI)
     */
    public SarifReportWriter(String toolVersion, CisaTree.MissionImpact mission, Path base) {
        this.toolVersion = toolVersion;
        this.prioritizer = new Prioritizer(mission);
        this.base = base.toAbsolutePath().normalize();
    }

    /** Writes {@code report} to {@code out} (UTF-8, pretty-printed, ending with a newline); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        Map<String, ReportingDescriptor> rules = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Vulnerability v = f.vulnerability();
            rules.computeIfAbsent(v.id(), id -> rule(f));
            results.add(result(f, report.priority(f, prioritizer), report.knownExploited(f).isPresent()));
        }
        ToolComponent driver = new ToolComponent().withName("Patchgap").withVersion(toolVersion)
                .withInformationUri(INFORMATION).withRules(new LinkedHashSet<>(rules.values()));
        SarifSchema210 sarif = new SarifSchema210().with$schema(SCHEMA).withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(new Run().withTool(new Tool().withDriver(driver)).withResults(results)));
        ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        mapper.writeValue(out, sarif);
        out.write('\n');
        out.flush();
    }

    private static ReportingDescriptor rule(Finding f) {
        Vulnerability v = f.vulnerability();
        String title = v.summary() == null || v.summary().isBlank() ? v.id() : v.summary().strip();
        StringBuilder help = new StringBuilder(title);
        if (!v.aliases().isEmpty()) help.append("\n\nAliases: ").append(String.join(", ", v.aliases()));
        if (!v.references().isEmpty()) help.append("\n\nReferences:\n").append(String.join("\n", v.references()));
        PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(List.of("security", "vulnerability",
                "dependency")));
        if (f.severity().score() != null) {
            properties.setAdditionalProperty("security-severity",
                    String.format(Locale.ROOT, "%.1f", f.severity().score()));
        }
        ReportingDescriptor rule = new ReportingDescriptor().withId(v.id()).withName(ruleName(v.id()))
                .withShortDescription(new MultiformatMessageString().withText(truncate(title, 1000)))
                .withFullDescription(new MultiformatMessageString().withText(truncate(title, 1000)))
                .withHelp(new MultiformatMessageString().withText(help.toString()))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(f.severity().level())))
                .withProperties(properties);
        String reference = v.references().stream().filter(r -> r.startsWith("https://")).findFirst().orElse(null);
        if (reference != null) {
            try {
                rule.setHelpUri(URI.create(reference));
            } catch (IllegalArgumentException notAUri) {
                // a reference that is no URI stays in the help text only
            }
        }
        return rule;
    }

    private Result result(Finding f, Priority priority, boolean kev) {
        String fix = f.fixedVersions().isEmpty() ? f.vendorFix().map(r -> "vendor fix: " + r.details()).orElse("no fix")
                : "fix: " + f.fixedVersions().get(0);
        Vulnerability v = f.vulnerability();
        String text = f.component().name() + " " + f.component().version() + " is affected by " + v.id()
                + (v.aliases().isEmpty() ? "" : " (" + String.join(", ", v.aliases()) + ")") + "; " + fix
                + "; priority " + priority.decision().label() + (kev ? " (known exploited)" : "")
                + (f.target().isEmpty() ? "" : "; target " + f.target());
        PartialFingerprints fingerprints = new PartialFingerprints()
                .withAdditionalProperty("patchgap/v1", sha256(f.target() + "\n" + f.component().name() + "\n"
                        + f.component().version() + "\n" + v.id()));
        PropertyBag properties = new PropertyBag()
                .withAdditionalProperty("priority", priority.decision().label())
                .withAdditionalProperty("ssvc", priority.vector())
                .withAdditionalProperty("package", f.component().name())
                .withAdditionalProperty("installedVersion", String.valueOf(f.component().version()));
        if (f.component().purl() != null) properties.setAdditionalProperty("purl", f.component().purl());
        return new Result().withRuleId(v.id()).withLevel(level(f.severity().level()))
                .withMessage(new Message().withText(text)).withLocations(List.of(location(f)))
                .withPartialFingerprints(fingerprints).withProperties(properties);
    }

    private Location location(Finding f) {
        org.patchgap.core.model.Location at = f.component().location();
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(new ArtifactLocation().withUri(uri(at.file())));
        Integer line = line(at.place());
        if (line != null) physical.setRegion(new Region().withStartLine(line));
        return new Location().withPhysicalLocation(physical);
    }

    /** A repository-relative URI with forward slashes where the file lies under the base, else as written. */
    String uri(String file) {
        String written = file.replace('\\', '/');
        int archive = written.indexOf('!'); // a file inside a jar or zip: the archive is what the repository holds
        if (archive > 0) written = written.substring(0, archive);
        try {
            Path path = Path.of(written);
            Path absolute = path.toAbsolutePath().normalize();
            if (absolute.startsWith(base)) written = base.relativize(absolute).toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            // not a local path (a URL a document was downloaded from): kept as written
        }
        return written.isEmpty() ? "." : written;
    }

    private static @Nullable Integer line(@Nullable String place) {
        if (place == null) return null;
        Matcher m = LINE.matcher(place);
        if (!m.find()) return null;
        try {
            int line = Integer.parseInt(m.group(1));
            return line >= 1 ? line : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Result.Level level(SeverityLevel level) {
        return switch (level) {
            case CRITICAL, HIGH -> Result.Level.ERROR;
            case MEDIUM -> Result.Level.WARNING;
            default -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configurationLevel(SeverityLevel level) {
        return ReportingConfiguration.Level.fromValue(level(level).value());
    }

    /** GitHub shows a rule's name; SARIF wants it to be an identifier-like word. */
    private static String ruleName(String id) {
        return id.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
