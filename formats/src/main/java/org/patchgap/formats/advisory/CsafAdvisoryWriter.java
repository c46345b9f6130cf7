package org.patchgap.formats.advisory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.formats.csaf.CsafScores;

/**
 * Writes a draft as a CSAF 2.0 security advisory ({@code csaf_security_advisory}, section 4.3). The product tree has
 * a branch per vendor and product; each affected range is a {@code product_version_range} product named by a
 * {@code vers:} URI with the package's purl (so that any CSAF consumer that reads vers, ours included, can match
 * it), each fixed version a {@code product_version} product with the purl at that version. The vulnerability names
 * the ranges {@code known_affected} and the fixed versions {@code fixed}, with a {@code vendor_fix} remediation per
 * product (the fixed versions or the KB) or {@code none_available}; a CVSS v3/v2 vector becomes a score computed
 * from it.
 */
public final class CsafAdvisoryWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Who publishes, under which id and when.
     *
     * @param trackingId   the document's {@code tracking.id} (also the OSV record's id)
     * @param publisher    the publisher's name
     * @param namespace    the publisher's namespace URL
     * @param released     the initial (and current) release time
     * @param version      the generating Patchgap's version
     * @param selfUrl      where the document is served, for its {@code self} reference
     */
    public record Publication(String trackingId, String publisher, String namespace, Instant released, String version,
            String selfUrl) {}

    private CsafAdvisoryWriter() {}

    /** The file name CSAF requires for a tracking id (section 5.1): lower case, runs of other characters as '_'. */
    public static String fileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    public static byte[] bytes(AdvisoryDraft draft, Publication publication) {
        try {
            return (JSON.writeValueAsString(document(draft, publication)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of our own always serialises", e);
        }
    }

    public static ObjectNode document(AdvisoryDraft draft, Publication publication) {
        ObjectNode root = JSON.createObjectNode();
        root.set("document", header(draft, publication));
        Tree tree = tree(draft);
        root.set("product_tree", tree.node);
        root.set("vulnerabilities", JSON.createArrayNode().add(vulnerability(draft, tree)));
        return root;
    }

    private static ObjectNode header(AdvisoryDraft draft, Publication publication) {
        ObjectNode document = JSON.createObjectNode();
        if (!draft.acknowledgments().isEmpty()) {
            ArrayNode names = document.putArray("acknowledgments").addObject().putArray("names");
            draft.acknowledgments().forEach(names::add);
        }
        document.put("category", "csaf_security_advisory");
        document.put("csaf_version", "2.0");
        ObjectNode tlp = document.putObject("distribution").putObject("tlp");
        tlp.put("label", "WHITE"); // CSAF 2.0 has TLP 1.0 labels: WHITE is what TLP 2.0 calls CLEAR
        tlp.put("url", "https://www.first.org/tlp/");
        document.put("lang", "en");
        document.putArray("notes").addObject().put("category", "summary").put("text", draft.summary()).put("title", "Summary");
        document.putObject("publisher").put("category", "coordinator").put("name", publication.publisher())
                .put("namespace", publication.namespace());
        ArrayNode references = document.putArray("references");
        references.addObject().put("category", "self").put("summary", "This advisory (CSAF)").put("url", publication.selfUrl());
        for (String url : draft.references()) {
            references.addObject().put("category", "external").put("summary", "Reference").put("url", url);
        }
        document.put("title", draft.title());
        String released = time(publication.released());
        ObjectNode tracking = document.putObject("tracking");
        tracking.put("current_release_date", released);
        ObjectNode generator = tracking.putObject("generator");
        generator.put("date", released);
        generator.putObject("engine").put("name", "Patchgap").put("version", publication.version());
        tracking.put("id", publication.trackingId());
        tracking.put("initial_release_date", released);
        tracking.putArray("revision_history").addObject().put("date", released).put("number", "1")
                .put("summary", "Initial publication.");
        tracking.put("status", "final");
        tracking.put("version", "1");
        return document;
    }

    /** The product tree and, per draft product, the ids of its affected ranges and fixed versions. */
    private record Tree(ObjectNode node, List<List<String>> affected, List<List<String>> fixed) {}

    private static Tree tree(AdvisoryDraft draft) {
        Map<String, ObjectNode> vendors = new LinkedHashMap<>();
        ObjectNode node = JSON.createObjectNode();
        ArrayNode vendorBranches = node.putArray("branches");
        List<List<String>> affected = new ArrayList<>();
        List<List<String>> fixed = new ArrayList<>();
        for (int p = 0; p < draft.products().size(); p++) {
            AdvisoryDraft.Product product = draft.products().get(p);
            ObjectNode vendor = vendors.computeIfAbsent(product.vendor(), v -> {
                ObjectNode branch = vendorBranches.addObject();
                branch.put("category", "vendor").put("name", v).putArray("branches");
                return branch;
            });
            ObjectNode productBranch = ((ArrayNode) vendor.get("branches")).addObject();
            productBranch.put("category", "product_name").put("name", product.name());
            ArrayNode versions = productBranch.putArray("branches");
            String type = purlType(product.purl());
            List<String> affectedIds = new ArrayList<>();
            List<String> fixedIds = new ArrayList<>();
            for (int r = 0; r < product.affected().size(); r++) {
                String range = constraint(product.affected().get(r));
                String name = type == null ? range : "vers:" + type + "/" + range;
                String id = "PG-" + (p + 1) + "-AFFECTED-" + (r + 1);
                affectedIds.add(id);
                ObjectNode branch = versions.addObject().put("category", "product_version_range").put("name", name);
                ObjectNode item = branch.putObject("product");
                item.put("name", product.vendor() + " " + product.name() + " " + name);
                item.put("product_id", id);
                helper(item, product.purl(), product.cpe());
            }
            List<String> fixedVersions = product.fixedVersions().stream().distinct().toList();
            for (int f = 0; f < fixedVersions.size(); f++) {
                String version = fixedVersions.get(f);
                String id = "PG-" + (p + 1) + "-FIXED-" + (f + 1);
                fixedIds.add(id);
                ObjectNode branch = versions.addObject().put("category", "product_version").put("name", version);
                ObjectNode item = branch.putObject("product");
                item.put("name", product.vendor() + " " + product.name() + " " + version);
                item.put("product_id", id);
                helper(item, product.purl() == null ? null : product.purl() + "@" + version, null);
            }
            affected.add(affectedIds);
            fixed.add(fixedIds);
        }
        return new Tree(node, affected, fixed);
    }

    private static void helper(ObjectNode product, @Nullable String purl, @Nullable String cpe) {
        if (purl == null && cpe == null) return;
        ObjectNode helper = product.putObject("product_identification_helper");
        if (cpe != null) helper.put("cpe", cpe);
        if (purl != null) helper.put("purl", purl);
    }

    /** A range as vers constraints ({@code >=1.0.0|<1.4.2}), which also read well where vers does not apply. */
    static String constraint(AdvisoryDraft.Range range) {
        if (range.introduced() == null) return "<" + range.fixed();
        if (range.fixed() == null) return ">=" + range.introduced();
        return ">=" + range.introduced() + "|<" + range.fixed();
    }

    private static @Nullable String purlType(@Nullable String purl) {
        if (purl == null) return null;
        try {
            return PurlIdentity.resolve(purl).type();
        } catch (MalformedPurlException e) {
            throw new IllegalArgumentException("the draft reader refuses broken purls: " + purl, e);
        }
    }

    private static ObjectNode vulnerability(AdvisoryDraft draft, Tree tree) {
        ObjectNode v = JSON.createObjectNode();
        if (draft.cve() != null) v.put("cve", draft.cve());
        if (draft.cwe() != null) v.putObject("cwe").put("id", draft.cwe().id()).put("name", draft.cwe().name());
        v.putArray("notes").addObject().put("category", "description").put("text", draft.details()).put("title", "Description");
        ObjectNode status = v.putObject("product_status");
        ArrayNode known = status.putArray("known_affected");
        tree.affected().forEach(ids -> ids.forEach(known::add));
        if (tree.fixed().stream().anyMatch(ids -> !ids.isEmpty())) {
            ArrayNode fixed = status.putArray("fixed");
            tree.fixed().forEach(ids -> ids.forEach(fixed::add));
        }
        if (!draft.references().isEmpty()) {
            ArrayNode references = v.putArray("references");
            for (String url : draft.references()) {
                references.addObject().put("category", "external").put("summary", "Reference").put("url", url);
            }
        }
        ArrayNode remediations = v.putArray("remediations");
        for (int p = 0; p < draft.products().size(); p++) {
            AdvisoryDraft.Product product = draft.products().get(p);
            ObjectNode remediation = remediations.addObject();
            boolean fix = !product.fixedVersions().isEmpty() || product.kb() != null;
            remediation.put("category", fix ? "vendor_fix" : "none_available");
            remediation.put("details", remediationText(product));
            ArrayNode ids = remediation.putArray("product_ids");
            tree.affected().get(p).forEach(ids::add);
            if (product.fixUrl() != null) remediation.put("url", product.fixUrl());
        }
        if (draft.cvss() != null) {
            ObjectNode score = CsafScores.cvss(draft.cvss());
            if (score != null) {
                ArrayNode products = score.putArray("products");
                tree.affected().forEach(ids -> ids.forEach(products::add));
                v.putArray("scores").add(score);
            }
        }
        v.put("title", draft.title());
        return v;
    }

    /** The remediation in words: the draft's own, else the upgrade or the KB to install. */
    public static String remediationText(AdvisoryDraft.Product product) {
        if (product.remediation() != null) return product.remediation();
        List<String> fixed = product.fixedVersions().stream().distinct().toList();
        if (!fixed.isEmpty()) {
            return "Upgrade " + product.name() + " to " + String.join(" or later, or ", fixed) + " or later"
                    + (product.kb() == null ? "." : ", or install " + product.kb() + ".");
        }
        if (product.kb() != null) return "Install " + product.kb() + ".";
        return "No fix is available yet.";
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
