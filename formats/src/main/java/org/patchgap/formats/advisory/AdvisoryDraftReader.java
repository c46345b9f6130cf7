package org.patchgap.formats.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.purl.PurlResolution;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.InvalidCvssVectorException;

/**
 * Reads an {@link AdvisoryDraft} from JSON and refuses, with every problem at its JSON path, what could not be
 * published as written: a purl that does not parse or names a version, a version its ecosystem would not accept,
 * a range whose start is not below its fix, a CVSS vector that does not score, a CVE or CWE id of the wrong shape.
 * Unknown fields are problems too: a misspelt {@code fixd} would otherwise publish an advisory without its fix.
 */
public final class AdvisoryDraftReader {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern CWE = Pattern.compile("CWE-[1-9]\\d*");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final List<String> TOP = List.of("title", "summary", "details", "cve", "cwe", "cvss", "products",
            "references", "acknowledgments");
    private static final List<String> PRODUCT = List.of("vendor", "name", "purl", "cpe", "affected", "remediation", "kb",
            "fixUrl", "vendorTeam");

    /** A draft that cannot be published, with every reason. */
    public static final class InvalidDraftException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        InvalidDraftException(List<Problem> problems) {
            super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the advisory draft: "
                    + problems.get(0).location().place() + ": " + problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private AdvisoryDraftReader(String file) {
        this.file = file;
    }

    /** The draft in {@code root}; {@code file} names it in problems (an upload, a case). */
    public static AdvisoryDraft read(JsonNode root, String file) throws InvalidDraftException {
        AdvisoryDraftReader reader = new AdvisoryDraftReader(file);
        AdvisoryDraft draft = reader.draft(root);
        if (!reader.problems.isEmpty()) throw new InvalidDraftException(reader.problems);
        return draft;
    }

    private AdvisoryDraft draft(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("", "expected a JSON object with title, summary, details and products");
            return new AdvisoryDraft("", "", "", null, null, null, List.of(), List.of(), List.of());
        }
        unknownFields(root, "", TOP);
        String title = required(root, "title", "", 300);
        String summary = required(root, "summary", "", 20_000);
        String details = optional(root, "details", "");
        String cve = optional(root, "cve", "");
        if (cve != null && !CVE.matcher(cve).matches()) problem("/cve", "expected a CVE id such as CVE-2017-0144");
        AdvisoryDraft.Cwe cwe = null;
        JsonNode cweNode = root.get("cwe");
        if (cweNode != null && !cweNode.isNull()) {
            String id = required(cweNode, "id", "/cwe", 20);
            String name = required(cweNode, "name", "/cwe", 500);
            if (!id.isEmpty() && !CWE.matcher(id).matches()) problem("/cwe/id", "expected a CWE id such as CWE-79");
            cwe = new AdvisoryDraft.Cwe(id, name);
        }
        String cvss = optional(root, "cvss", "");
        if (cvss != null) {
            try {
                CvssScores.severity(cvss);
            } catch (InvalidCvssVectorException e) {
                problem("/cvss", "not a CVSS vector that scores: " + e.getMessage());
            }
        }
        List<AdvisoryDraft.Product> products = new ArrayList<>();
        JsonNode list = root.get("products");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("/products", "expected at least one product");
        } else {
            for (int i = 0; i < list.size(); i++) products.add(product(list.get(i), "/products/" + i));
        }
        return new AdvisoryDraft(title, summary, details == null ? summary : details, cve, cwe, cvss, products,
                urls(root, "references"), strings(root, "acknowledgments"));
    }

    private AdvisoryDraft.Product product(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "expected a product object");
            return new AdvisoryDraft.Product("", "", null, null, List.of(), null, null, null, null);
        }
        unknownFields(node, path, PRODUCT);
        String vendor = required(node, "vendor", path, 200);
        String name = required(node, "name", path, 200);
        String purl = optional(node, "purl", path);
        String cpe = optional(node, "cpe", path);
        VersionScheme scheme = null;
        if (purl == null && cpe == null) problem(path, "expected a purl (a package) or a cpe (any other product)");
        if (purl != null) scheme = schemeOf(purl, path + "/purl");
        if (cpe != null) {
            try {
                CpeName.parse(cpe);
            } catch (MalformedCpeException e) {
                problem(path + "/cpe", "not a CPE 2.3 name: " + e.getMessage());
            }
        }
        List<AdvisoryDraft.Range> ranges = new ArrayList<>();
        JsonNode affected = node.get("affected");
        if (affected == null || !affected.isArray() || affected.isEmpty()) {
            problem(path + "/affected", "expected at least one range {\"introduced\", \"fixed\"}");
        } else {
            for (int i = 0; i < affected.size(); i++) {
                ranges.add(range(affected.get(i), path + "/affected/" + i, scheme));
            }
        }
        String fixUrl = optional(node, "fixUrl", path);
        if (fixUrl != null && !URL.matcher(fixUrl).matches()) problem(path + "/fixUrl", "expected an http(s) URL");
        return new AdvisoryDraft.Product(vendor, name, purl, cpe, ranges, optional(node, "remediation", path),
                optional(node, "kb", path), fixUrl, optional(node, "vendorTeam", path));
    }

    private @Nullable VersionScheme schemeOf(String purl, String path) {
        PurlResolution resolution;
        try {
            resolution = PurlIdentity.resolve(purl);
        } catch (MalformedPurlException e) {
            problem(path, "not a valid purl: " + e.getMessage());
            return null;
        }
        if (resolution.version() != null) {
            problem(path, "expected the package without a version (versions go in 'affected')");
        }
        if (resolution.identity() == null) {
            problem(path, "cannot be matched: " + resolution.unmappedReason());
            return null;
        }
        return VersionSchemes.find(resolution.identity().ecosystem()).orElse(null);
    }

    private AdvisoryDraft.Range range(JsonNode node, String path, @Nullable VersionScheme scheme) {
        if (!node.isObject()) {
            problem(path, "expected {\"introduced\": ..., \"fixed\": ...}");
            return new AdvisoryDraft.Range(null, null);
        }
        unknownFields(node, path, List.of("introduced", "fixed"));
        String introduced = optional(node, "introduced", path);
        String fixed = optional(node, "fixed", path);
        if ("0".equals(introduced)) introduced = null;
        if (introduced == null && fixed == null) problem(path, "a range needs 'introduced' or 'fixed' (or both)");
        if (scheme != null) {
            Version from = version(scheme, introduced, path + "/introduced");
            Version to = version(scheme, fixed, path + "/fixed");
            if (from != null && to != null && from.compareTo(to) >= 0) {
                problem(path, "'introduced' " + introduced + " is not below 'fixed' " + fixed + " in " + scheme.name()
                        + " order");
            }
        }
        return new AdvisoryDraft.Range(introduced, fixed);
    }

    private @Nullable Version version(VersionScheme scheme, @Nullable String text, String path) {
        if (text == null) return null;
        try {
            return scheme.parse(text);
        } catch (InvalidVersionException e) {
            problem(path, "not a " + scheme.name() + " version: " + e.getMessage());
            return null;
        }
    }

    private List<String> urls(JsonNode root, String field) {
        List<String> out = strings(root, field);
        for (int i = 0; i < out.size(); i++) {
            if (!URL.matcher(out.get(i)).matches()) problem("/" + field + "/" + i, "expected an http(s) URL");
        }
        return out;
    }

    private List<String> strings(JsonNode root, String field) {
        JsonNode node = root.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) {
            problem("/" + field, "expected an array of strings");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                problem("/" + field + "/" + i, "expected a non-empty string");
            } else {
                out.add(node.get(i).asText().strip());
            }
        }
        return out;
    }

    private String required(JsonNode node, String field, String path, int maxLength) {
        String value = optional(node, field, path);
        if (value == null) {
            problem(path + "/" + field, "required");
            return "";
        }
        if (value.length() > maxLength) problem(path + "/" + field, "at most " + maxLength + " characters");
        return value;
    }

    private @Nullable String optional(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
            problem(path + "/" + field, "expected a string");
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private void unknownFields(JsonNode node, String path, List<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) problem(path + "/" + name, "unknown field (expected one of " + known + ")");
        });
    }

    private void problem(String path, String message) {
        problems.add(new Problem(new Location(file, path.isEmpty() ? "/" : path), message));
    }
}
