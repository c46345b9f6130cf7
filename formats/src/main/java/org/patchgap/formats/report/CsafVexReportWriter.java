package org.patchgap.formats.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.SuppressedFinding;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.InvalidCvssVectorException;
import org.patchgap.formats.ignore.IgnoredFinding;
import org.patchgap.formats.kev.KevEntry;

/**
 * Writes a scan as a CSAF 2.0 document of the VEX profile ({@code csaf_vex}, section 4.5): a product per scanned
 * component (by purl or CPE where it has one), and per vulnerability the components it affects
 * ({@code known_affected}, each with a remediation: the upgrade, {@code vendor_fix}, or {@code none_available})
 * and those a vendor states are not affected ({@code known_not_affected}, each with its justification flag or an
 * impact threat). Ignored findings stay {@code known_affected}, with the rule's reason as a {@code no_fix_planned}
 * remediation. KEV listings become {@code exploit_status} threats; CVSS v3 and v2 vectors become scores
 * (recomputed from the vector, so that score and vector agree as CSAF's test 6.1.10 requires).
 *
 * <p>Written with Jackson's tree model: there is no maintained Java library for CSAF on Maven Central. The
 * output is checked against the CSAF 2.0 JSON schema and the profile's mandatory tests in the tests. A scan with
 * nothing to state has no document ({@link OpenVexReportWriter#hasStatements}: the profile requires a
 * vulnerability).
 */
public final class CsafVexReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final VexAuthor author;
    private final String toolVersion;
    private final Instant timestamp;

    public CsafVexReportWriter(VexAuthor author, String toolVersion, Instant timestamp) {
        this.author = author;
        this.toolVersion = toolVersion;
        this.timestamp = timestamp.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Writes {@code report} to {@code out} (UTF-8, pretty-printed, ending with a newline); leaves it open. */
    public void write(ScanReport report, OutputStream out) throws IOException {
        if (!OpenVexReportWriter.hasStatements(report)) {
            throw new IllegalArgumentException("a CSAF VEX document needs a vulnerability");
        }
        JSON.writeValue(out, document(report));
        out.write('\n');
        out.flush();
    }

    ObjectNode document(ScanReport report) {
        Products products = new Products();
        Map<String, VulnerabilityEntry> byId = new LinkedHashMap<>();
        Map<ScanReport.FindingKey, Upgrade> upgrades = report.upgradeIndex();
        for (Finding f : report.findings()) {
            VulnerabilityEntry v = byId.computeIfAbsent(f.vulnerability().id(), id -> new VulnerabilityEntry(f));
            String product = products.idOf(f.component());
            v.affected.add(product);
            v.remediation(remediation(f, upgrades.get(ScanReport.FindingKey.of(f))), product);
            v.score(f.severity().vector(), product);
            KevEntry kev = report.knownExploited(f).orElse(null);
            if (kev != null) {
                v.threat("exploit_status", "Listed in CISA's Known Exploited Vulnerabilities catalog since "
                        + kev.dateAdded() + (kev.dueDate() == null ? "" : ", due " + kev.dueDate())
                        + (kev.knownRansomwareUse() ? "; known ransomware campaign use" : "") + ".", product);
            }
        }
        for (IgnoredFinding i : report.ignored()) {
            Finding f = i.finding();
            VulnerabilityEntry v = byId.computeIfAbsent(f.vulnerability().id(), id -> new VulnerabilityEntry(f));
            String product = products.idOf(f.component());
            v.affected.add(product);
            v.remediation(new Remediation("no_fix_planned", i.acceptance()), product);
            v.score(f.severity().vector(), product);
        }
        for (SuppressedFinding s : report.notAffected()) {
            Finding f = s.finding();
            VulnerabilityEntry v = byId.computeIfAbsent(f.vulnerability().id(), id -> new VulnerabilityEntry(f));
            String product = products.idOf(f.component());
            v.notAffected.add(product);
            if (s.statement().justification() != null) {
                v.flag(s.statement().justification().label(), product);
            }
            if (s.statement().impactStatement() != null || s.statement().justification() == null) {
                // The profile needs an impact statement for every not-affected product (test 6.1.27.9).
                v.threat("impact", s.statement().impactStatement() != null ? s.statement().impactStatement().strip()
                        : "The vendor states this product is not affected (" + s.recordId() + " in " + s.source() + ").",
                        product);
            }
        }
        // A product listed both ways (two targets, one mitigated) stays affected: the safe reading of a scan.
        for (VulnerabilityEntry v : byId.values()) v.notAffected.removeAll(v.affected);

        ObjectNode root = JSON.createObjectNode();
        root.set("document", documentNode(report, byId.size()));
        root.set("product_tree", products.tree());
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (VulnerabilityEntry v : byId.values()) vulnerabilities.add(v.node());
        return root;
    }

    private ObjectNode documentNode(ScanReport report, int vulnerabilities) {
        ObjectNode document = JSON.createObjectNode();
        document.put("category", "csaf_vex");
        document.put("csaf_version", "2.0");
        ObjectNode publisher = document.putObject("publisher");
        publisher.put("category", "user");
        publisher.put("name", author.name());
        publisher.put("namespace", author.namespace());
        long targets = report.summary().targets();
        document.put("title", "Patchgap scan of " + targets + (targets == 1 ? " target" : " targets") + ": "
                + vulnerabilities + (vulnerabilities == 1 ? " vulnerability" : " vulnerabilities"));
        ObjectNode tracking = document.putObject("tracking");
        String date = timestamp.toString();
        tracking.put("current_release_date", date);
        ObjectNode generator = tracking.putObject("generator");
        generator.put("date", date);
        ObjectNode engine = generator.putObject("engine");
        engine.put("name", "Patchgap");
        engine.put("version", toolVersion);
        tracking.put("id", "patchgap-scan-" + documentId(report));
        tracking.put("initial_release_date", date);
        ObjectNode revision = tracking.putArray("revision_history").addObject();
        revision.put("date", date);
        revision.put("number", "1");
        revision.put("summary", "Written by a Patchgap scan.");
        tracking.put("status", "final");
        tracking.put("version", "1");
        return document;
    }

    /** A short id of the document's time and content, unique enough to tell two scans' documents apart. */
    private String documentId(ScanReport report) {
        StringBuilder content = new StringBuilder(timestamp.toString());
        for (Finding f : report.findings()) {
            content.append('\n').append(f.target()).append(' ').append(f.component().name()).append(' ')
                    .append(f.vulnerability().id());
        }
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Remediation remediation(Finding f, @Nullable Upgrade upgrade) {
        if (upgrade != null && upgrade.toVersion() != null) {
            return new Remediation("vendor_fix", FindingText.WINDOWS.equals(f.component().ecosystem())
                    ? "Install " + upgrade.toVersion() + "."
                    : "Upgrade " + f.component().name() + " to " + upgrade.toVersion() + ".");
        }
        if (f.fixedVersions().isEmpty() && f.vendorFix().isPresent()) {
            org.patchgap.core.model.Remediation vendor = f.vendorFix().get();
            return new Remediation("vendor_fix", vendor.details().strip(), vendor.url());
        }
        String fix = FindingText.fix(f);
        if (fix.equals("no fix")) return new Remediation("none_available", "No fix is published.");
        return new Remediation("vendor_fix", "Fix: " + fix + ".");
    }

    private record Remediation(String category, String details, @Nullable String url) {
        Remediation(String category, String details) {
            this(category, details, null);
        }
    }

    /** The product tree: one full product name per distinct component, numbered in order of appearance. */
    private static final class Products {
        private final Map<String, String> idByKey = new LinkedHashMap<>();
        private final ArrayNode names = JSON.createArrayNode();

        String idOf(Component c) {
            String key = c.ecosystem() + "\n" + c.name() + "\n" + c.version() + "\n" + c.purl() + "\n" + c.cpe();
            String known = idByKey.get(key);
            if (known != null) return known;
            String id = String.format(Locale.ROOT, "CSAFPID-%04d", idByKey.size() + 1);
            idByKey.put(key, id);
            ObjectNode name = names.addObject();
            name.put("name", c.name() + (c.version() == null ? "" : " " + c.version()));
            name.put("product_id", id);
            ObjectNode helper = JSON.createObjectNode();
            if (c.purl() != null && validPurl(c.purl())) helper.put("purl", c.purl());
            if (c.cpe() != null && c.cpe().matches("(cpe:2\\.3:|cpe:/).+")) helper.put("cpe", c.cpe());
            if (!helper.isEmpty()) name.set("product_identification_helper", helper);
            return id;
        }

        ObjectNode tree() {
            ObjectNode tree = JSON.createObjectNode();
            tree.set("full_product_names", names);
            return tree;
        }

        /** CSAF's test 6.1.13 wants valid purls; one an inventory got wrong is left out of the helper. */
        private static boolean validPurl(String purl) {
            try {
                PurlIdentity.resolve(purl);
                return true;
            } catch (MalformedPurlException e) {
                return false;
            }
        }
    }

    /** What the document says of one vulnerability, gathered over the findings. */
    private static final class VulnerabilityEntry {
        final Finding first;
        final Set<String> affected = new LinkedHashSet<>();
        final Set<String> notAffected = new LinkedHashSet<>();
        final Map<Remediation, Set<String>> remediations = new LinkedHashMap<>();
        final Map<List<String>, Set<String>> threats = new LinkedHashMap<>();
        final Map<String, Set<String>> flags = new LinkedHashMap<>();
        final Map<String, Set<String>> scores = new LinkedHashMap<>();

        VulnerabilityEntry(Finding first) {
            this.first = first;
        }

        void remediation(Remediation r, String product) {
            remediations.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(product);
        }

        void threat(String category, String details, String product) {
            threats.computeIfAbsent(List.of(category, details), k -> new LinkedHashSet<>()).add(product);
        }

        void flag(String label, String product) {
            flags.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(product);
        }

        void score(@Nullable String vector, String product) {
            if (vector != null) scores.computeIfAbsent(vector, k -> new LinkedHashSet<>()).add(product);
        }

        ObjectNode node() {
            org.patchgap.core.model.Vulnerability v = first.vulnerability();
            ObjectNode node = JSON.createObjectNode();
            String cve = v.cve();
            if (cve != null && !cve.matches("CVE-[0-9]{4}-[0-9]{4,}")) cve = null; // CSAF's pattern; else an id
            if (cve != null) node.put("cve", cve);
            List<String> others = new ArrayList<>();
            if (!v.id().equals(cve)) others.add(v.id());
            for (String alias : v.aliases()) if (!alias.equals(cve) && !others.contains(alias)) others.add(alias);
            if (!others.isEmpty()) {
                ArrayNode ids = node.putArray("ids");
                for (String id : others) {
                    ObjectNode entry = ids.addObject();
                    entry.put("system_name", systemOf(id));
                    entry.put("text", id);
                }
            }
            ArrayNode notes = node.putArray("notes");
            ObjectNode note = notes.addObject();
            note.put("category", "description");
            note.put("text", v.summary() == null || v.summary().isBlank() ? v.id() : v.summary().strip());
            note.put("title", "Summary");
            ObjectNode status = node.putObject("product_status");
            if (!affected.isEmpty()) strings(status.putArray("known_affected"), affected);
            if (!notAffected.isEmpty()) strings(status.putArray("known_not_affected"), notAffected);
            if (!flags.isEmpty()) {
                ArrayNode array = node.putArray("flags");
                flags.forEach((label, products) -> {
                    Set<String> still = new LinkedHashSet<>(products);
                    still.retainAll(notAffected);
                    if (still.isEmpty()) return;
                    ObjectNode flag = array.addObject();
                    flag.put("label", label);
                    strings(flag.putArray("product_ids"), still);
                });
                if (array.isEmpty()) node.remove("flags");
            }
            if (!remediations.isEmpty()) {
                ArrayNode array = node.putArray("remediations");
                remediations.forEach((r, products) -> {
                    ObjectNode remediation = array.addObject();
                    remediation.put("category", r.category());
                    remediation.put("details", r.details());
                    if (r.url() != null) remediation.put("url", r.url());
                    strings(remediation.putArray("product_ids"), products);
                });
            }
            if (!scores.isEmpty()) {
                ArrayNode array = JSON.createArrayNode();
                scores.forEach((vector, products) -> {
                    ObjectNode score = org.patchgap.formats.csaf.CsafScores.cvss(vector);
                    if (score == null) return;
                    strings(score.putArray("products"), products);
                    array.add(score);
                });
                if (!array.isEmpty()) node.set("scores", array);
            }
            if (!threats.isEmpty()) {
                ArrayNode array = node.putArray("threats");
                threats.forEach((key, products) -> {
                    Set<String> applies = new LinkedHashSet<>(products);
                    if (key.get(0).equals("impact")) applies.retainAll(notAffected);
                    if (applies.isEmpty()) return;
                    ObjectNode threat = array.addObject();
                    threat.put("category", key.get(0));
                    threat.put("details", key.get(1));
                    strings(threat.putArray("product_ids"), applies);
                });
                if (array.isEmpty()) node.remove("threats");
            }
            List<String> urls = v.references().stream().filter(r -> r.startsWith("https://") || r.startsWith("http://"))
                    .toList();
            if (!urls.isEmpty()) {
                ArrayNode references = node.putArray("references");
                for (String url : urls) {
                    ObjectNode reference = references.addObject();
                    reference.put("category", "external");
                    reference.put("summary", "Reference of " + v.id());
                    reference.put("url", url);
                }
            }
            return node;
        }

        private static String systemOf(String id) {
            int dash = id.indexOf('-');
            return dash > 0 ? id.substring(0, dash) : "Patchgap";
        }

        private static void strings(ArrayNode array, Set<String> values) {
            values.forEach(array::add);
        }
    }
}
