package org.patchgap.formats.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.InvalidCvssVectorException;

/**
 * The mandatory tests of CSAF 2.0 (section 6.1) that a document must pass before it is published, run on a
 * document the JSON schema has accepted. Each violation names its test and JSON path.
 *
 * <p>Implemented: every test of section 6.1 except 6.1.8 (a CVSS object valid against FIRST's schema: the JSON
 * schema validation covers it, since CSAF's schema references FIRST's), 6.1.11 (CWE id and name: needs MITRE's
 * CWE catalog); 6.1.12 checks BCP 47 grammar and that a two-letter primary language is an ISO 639-1 code, not
 * the whole IANA registry (three-letter languages, regions and scripts are taken as written). docs/formats/csaf-mandatory-tests.md lists the same. Checked against OASIS's own test
 * files for each test (CsafMandatoryTestsTest).
 */
public final class CsafMandatoryTests {

    /** A failed test: which (6.1.1 ...), where (a JSON pointer), and what. */
    public record Violation(String test, String path, String message) {
        @Override
        public String toString() {
            return test + " " + path + ": " + message;
        }
    }

    /** The tests this class runs, in the standard's order. */
    public static final List<String> IMPLEMENTED = List.of("6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.1.5", "6.1.6",
            "6.1.7", "6.1.9", "6.1.10", "6.1.12", "6.1.13", "6.1.14", "6.1.15", "6.1.16", "6.1.17", "6.1.18",
            "6.1.19", "6.1.20", "6.1.21", "6.1.22", "6.1.23", "6.1.24", "6.1.25", "6.1.26", "6.1.27.1", "6.1.27.2",
            "6.1.27.3", "6.1.27.4", "6.1.27.5", "6.1.27.6", "6.1.27.7", "6.1.27.8", "6.1.27.9", "6.1.27.10",
            "6.1.27.11", "6.1.28", "6.1.29", "6.1.30", "6.1.31", "6.1.32", "6.1.33");

    private static final List<String> STATUS_FIELDS = List.of("first_affected", "first_fixed", "fixed",
            "known_affected", "known_not_affected", "last_affected", "recommended", "under_investigation");
    private static final Map<String, String> CONTRADICTION_GROUP = Map.of("first_affected", "affected",
            "known_affected", "affected", "last_affected", "affected", "known_not_affected", "not affected",
            "first_fixed", "fixed", "fixed", "fixed", "under_investigation", "under investigation");
    private static final Set<String> VEX_JUSTIFICATIONS = Set.of("component_not_present",
            "vulnerable_code_not_present", "vulnerable_code_cannot_be_controlled_by_adversary",
            "vulnerable_code_not_in_execute_path", "inline_mitigations_already_exist");
    private static final List<String> PROFILES = List.of("csaf_base", "csaf_security_incident_response",
            "csaf_informational_advisory", "csaf_security_advisory", "csaf_vex");
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
                    + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern INTEGER = Pattern.compile("0|[1-9]\\d*");
    private static final Set<String> TWO_LETTER_LANGUAGES = Set.of(Locale.getISOLanguages());

    private final JsonNode doc;
    private final List<Violation> violations = new ArrayList<>();
    private final String category;

    private CsafMandatoryTests(JsonNode doc) {
        this.doc = doc;
        this.category = doc.path("document").path("category").asText("");
    }

    /** Every violation of the implemented tests in {@code document}, in test order; empty when it passes. */
    public static List<Violation> check(JsonNode document) {
        CsafMandatoryTests t = new CsafMandatoryTests(document);
        t.productIds();
        t.circularProductIds();
        t.groupIds();
        t.contradictingStatus();
        t.multipleScores();
        t.cvss();
        t.languages();
        t.purls();
        t.revisionHistory();
        t.translator();
        t.multipleCves();
        t.involvements();
        t.hashes();
        t.prohibitedCategory();
        t.profiles();
        t.remediationsAndFlagsReferenceProducts();
        t.versionRanges();
        t.multipleVexFlags();
        t.violations.sort(java.util.Comparator.comparing(v -> IMPLEMENTED.indexOf(v.test())));
        return List.copyOf(t.violations);
    }

    private void fail(String test, String path, String message) {
        violations.add(new Violation(test, path, message));
    }

    // ---- product ids and group ids: 6.1.1, 6.1.2, 6.1.3, 6.1.4, 6.1.5

    /** Every full product name in the tree with its path: branches (recursive), full_product_names, relationships. */
    private Map<String, List<JsonNode>> definedProducts() {
        Map<String, List<JsonNode>> defined = new LinkedHashMap<>();
        JsonNode tree = doc.path("product_tree");
        forEachBranch(tree.path("branches"), "/product_tree/branches", (branch, path) -> {
            JsonNode product = branch.path("product");
            if (product.isObject()) defined.computeIfAbsent(product.path("product_id").asText(), k -> new ArrayList<>()).add(product);
        });
        for (JsonNode p : tree.path("full_product_names")) {
            defined.computeIfAbsent(p.path("product_id").asText(), k -> new ArrayList<>()).add(p);
        }
        for (JsonNode r : tree.path("relationships")) {
            JsonNode p = r.path("full_product_name");
            if (p.isObject()) defined.computeIfAbsent(p.path("product_id").asText(), k -> new ArrayList<>()).add(p);
        }
        return defined;
    }

    /** Something done with a node of the tree (a branch, a helper) and its JSON pointer. */
    private interface BranchVisitor {
        void visit(JsonNode node, String path);
    }

    private static void forEachBranch(JsonNode branches, String path, BranchVisitor visitor) {
        for (int i = 0; i < branches.size(); i++) {
            JsonNode branch = branches.get(i);
            String at = path + "/" + i;
            visitor.visit(branch, at);
            forEachBranch(branch.path("branches"), at + "/branches", visitor);
        }
    }

    /** Every product id reference outside a full product name, with its JSON pointer. */
    private Map<String, String> productReferences() {
        Map<String, String> refs = new LinkedHashMap<>();
        JsonNode tree = doc.path("product_tree");
        JsonNode groups = tree.path("product_groups");
        for (int g = 0; g < groups.size(); g++) {
            collect(groups.get(g).path("product_ids"), "/product_tree/product_groups/" + g + "/product_ids", refs);
        }
        JsonNode relationships = tree.path("relationships");
        for (int r = 0; r < relationships.size(); r++) {
            String at = "/product_tree/relationships/" + r;
            JsonNode rel = relationships.get(r);
            if (rel.has("product_reference")) refs.put(at + "/product_reference", rel.path("product_reference").asText());
            if (rel.has("relates_to_product_reference")) {
                refs.put(at + "/relates_to_product_reference", rel.path("relates_to_product_reference").asText());
            }
        }
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vuln = vulnerabilities.get(v);
            String at = "/vulnerabilities/" + v;
            for (String field : STATUS_FIELDS) {
                collect(vuln.path("product_status").path(field), at + "/product_status/" + field, refs);
            }
            for (String list : List.of("remediations", "threats", "flags")) {
                JsonNode items = vuln.path(list);
                for (int i = 0; i < items.size(); i++) collect(items.get(i).path("product_ids"), at + "/" + list + "/" + i + "/product_ids", refs);
            }
            JsonNode scores = vuln.path("scores");
            for (int i = 0; i < scores.size(); i++) collect(scores.get(i).path("products"), at + "/scores/" + i + "/products", refs);
        }
        return refs;
    }

    private static void collect(JsonNode ids, String path, Map<String, String> into) {
        for (int i = 0; i < ids.size(); i++) into.put(path + "/" + i, ids.get(i).asText());
    }

    private void productIds() {
        Map<String, List<JsonNode>> defined = definedProducts();
        productReferences().forEach((path, id) -> {
            if (!defined.containsKey(id)) fail("6.1.1", path, "product id " + id + " is not defined in the product tree");
        });
        defined.forEach((id, definitions) -> {
            if (definitions.size() > 1) fail("6.1.2", "/product_tree", "product id " + id + " is defined "
                    + definitions.size() + " times");
        });
    }

    private void circularProductIds() {
        Map<String, Set<String>> dependsOn = new HashMap<>();
        JsonNode relationships = doc.path("product_tree").path("relationships");
        for (JsonNode r : relationships) {
            String id = r.path("full_product_name").path("product_id").asText(null);
            if (id == null) continue;
            Set<String> on = dependsOn.computeIfAbsent(id, k -> new HashSet<>());
            if (r.has("product_reference")) on.add(r.path("product_reference").asText());
            if (r.has("relates_to_product_reference")) on.add(r.path("relates_to_product_reference").asText());
        }
        for (int i = 0; i < relationships.size(); i++) {
            String id = relationships.get(i).path("full_product_name").path("product_id").asText(null);
            if (id != null && reaches(id, id, dependsOn, new HashSet<>())) {
                fail("6.1.3", "/product_tree/relationships/" + i + "/full_product_name/product_id",
                        "product id " + id + " is defined in terms of itself");
            }
        }
    }

    private static boolean reaches(String from, String target, Map<String, Set<String>> edges, Set<String> seen) {
        for (String next : edges.getOrDefault(from, Set.of())) {
            if (next.equals(target)) return true;
            if (seen.add(next) && reaches(next, target, edges, seen)) return true;
        }
        return false;
    }

    /** Group id to its products. */
    private Map<String, Set<String>> groups() {
        Map<String, Set<String>> groups = new HashMap<>();
        for (JsonNode g : doc.path("product_tree").path("product_groups")) {
            Set<String> ids = groups.computeIfAbsent(g.path("group_id").asText(), k -> new LinkedHashSet<>());
            g.path("product_ids").forEach(p -> ids.add(p.asText()));
        }
        return groups;
    }

    private void groupIds() {
        Map<String, Integer> definitions = new HashMap<>();
        for (JsonNode g : doc.path("product_tree").path("product_groups")) definitions.merge(g.path("group_id").asText(), 1, Integer::sum);
        definitions.forEach((id, n) -> {
            if (n > 1) fail("6.1.5", "/product_tree/product_groups", "group id " + id + " is defined " + n + " times");
        });
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            for (String list : List.of("remediations", "threats", "flags")) {
                JsonNode items = vulnerabilities.get(v).path(list);
                for (int i = 0; i < items.size(); i++) {
                    JsonNode ids = items.get(i).path("group_ids");
                    for (int k = 0; k < ids.size(); k++) {
                        if (!definitions.containsKey(ids.get(k).asText())) {
                            fail("6.1.4", "/vulnerabilities/" + v + "/" + list + "/" + i + "/group_ids/" + k,
                                    "group id " + ids.get(k).asText() + " is not defined in the product tree");
                        }
                    }
                }
            }
        }
    }

    // ---- product status and scores: 6.1.6, 6.1.7, 6.1.9, 6.1.10

    private void contradictingStatus() {
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            Map<String, String> groupOf = new HashMap<>();
            JsonNode status = vulnerabilities.get(v).path("product_status");
            for (String field : STATUS_FIELDS) {
                String group = CONTRADICTION_GROUP.get(field);
                if (group == null) continue; // recommended belongs to no group
                for (JsonNode id : status.path(field)) {
                    String before = groupOf.putIfAbsent(id.asText(), group);
                    if (before != null && !before.equals(group)) {
                        fail("6.1.6", "/vulnerabilities/" + v + "/product_status", "product " + id.asText()
                                + " is both " + before + " and " + group);
                    }
                }
            }
        }
    }

    private void multipleScores() {
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            Set<String> seen = new HashSet<>();
            for (JsonNode score : vulnerabilities.get(v).path("scores")) {
                List<String> versions = new ArrayList<>();
                if (score.has("cvss_v2")) versions.add("2.0");
                if (score.has("cvss_v3")) versions.add(score.path("cvss_v3").path("version").asText());
                for (JsonNode product : score.path("products")) {
                    for (String version : versions) {
                        if (!seen.add(product.asText() + " " + version)) {
                            fail("6.1.7", "/vulnerabilities/" + v + "/scores", "product " + product.asText()
                                    + " has more than one CVSS " + version + " score");
                        }
                    }
                }
            }
        }
    }

    private void cvss() {
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode scores = vulnerabilities.get(v).path("scores");
            for (int s = 0; s < scores.size(); s++) {
                for (String kind : List.of("cvss_v2", "cvss_v3")) {
                    JsonNode cvss = scores.get(s).path(kind);
                    if (cvss.isObject()) checkCvss(cvss, "/vulnerabilities/" + v + "/scores/" + s + "/" + kind, kind.equals("cvss_v3"));
                }
            }
        }
    }

    private void checkCvss(JsonNode cvss, String path, boolean v3) {
        String vector = cvss.path("vectorString").asText("");
        CvssScores.Scores computed;
        try {
            computed = CvssScores.scores(vector);
        } catch (InvalidCvssVectorException e) {
            return; // an invalid vector is the schema's (6.1.8) to report
        }
        compareScore(cvss, path, "baseScore", computed.base());
        if (cvss.has("temporalScore")) compareScore(cvss, path, "temporalScore", computed.temporal());
        if (cvss.has("environmentalScore")) compareScore(cvss, path, "environmentalScore", computed.environmental());
        if (v3) {
            compareSeverity(cvss, path, "baseSeverity", computed.base());
            compareSeverity(cvss, path, "temporalSeverity", computed.temporal());
            compareSeverity(cvss, path, "environmentalSeverity", computed.environmental());
            if (vector.startsWith("CVSS:") && cvss.has("version") && !vector.startsWith("CVSS:" + cvss.path("version").asText() + "/")) {
                fail("6.1.10", path + "/version", "version " + cvss.path("version").asText() + " differs from the vector's");
            }
        }
        Map<String, String> metrics = metrics(vector);
        Map<String, Map<String, String>> names = v3 ? CvssProperties.V3 : CvssProperties.V2;
        names.forEach((metric, byValue) -> {
            String property = CvssProperties.propertyOf(metric, v3);
            if (!cvss.has(property)) return;
            String value = metrics.getOrDefault(metric, v3 ? "X" : "ND");
            String expected = byValue.get(value);
            if (expected != null && !expected.equals(cvss.path(property).asText())) {
                fail("6.1.10", path + "/" + property, property + " is " + cvss.path(property).asText()
                        + " but the vector says " + expected);
            }
        });
    }

    private void compareScore(JsonNode cvss, String path, String field, double computed) {
        if (!cvss.has(field)) return;
        double given = cvss.path(field).asDouble();
        if (Math.abs(given - computed) > 0.0001) {
            fail("6.1.9", path + "/" + field, field + " is " + given + " but the vector computes to " + computed);
        }
    }

    private void compareSeverity(JsonNode cvss, String path, String field, double score) {
        if (!cvss.has(field)) return;
        String expected = org.patchgap.core.model.SeverityLevel.ofCvssScore(score).name();
        if (!expected.equals(cvss.path(field).asText())) {
            fail("6.1.9", path + "/" + field, field + " is " + cvss.path(field).asText() + " but the score rates " + expected);
        }
    }

    private static Map<String, String> metrics(String vector) {
        Map<String, String> metrics = new HashMap<>();
        String body = vector.startsWith("CVSS:") ? vector.substring(Math.max(vector.indexOf('/') + 1, 0)) : vector;
        for (String part : body.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0) metrics.put(part.substring(0, colon), part.substring(colon + 1));
        }
        return metrics;
    }

    // ---- document metadata: 6.1.12, 6.1.13, 6.1.14-6.1.22, 6.1.15, 6.1.26, 6.1.28, 6.1.30

    private void languages() {
        for (String field : List.of("lang", "source_lang")) {
            JsonNode lang = doc.path("document").path(field);
            if (lang.isTextual() && !wellFormedLanguage(lang.asText())) {
                fail("6.1.12", "/document/" + field, "'" + lang.asText() + "' is not a valid language tag");
            }
        }
        JsonNode lang = doc.path("document").path("lang");
        JsonNode source = doc.path("document").path("source_lang");
        if (lang.isTextual() && source.isTextual() && lang.asText().equalsIgnoreCase(source.asText())) {
            fail("6.1.28", "/document/source_lang", "the source language is the document's language");
        }
    }

    /** BCP 47 well-formedness, and a primary language of two or three letters (not a reserved or private one). */
    static boolean wellFormedLanguage(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String language = locale.getLanguage();
            // qaa-qtz are reserved for local use; "i-" grandfathered and "x-" private tags have no language
            if (!language.matches("[a-z]{2,3}") || language.matches("q[a-t][a-z]")) return false;
            // A two-letter language must be an ISO 639-1 code (OASIS's "EZ" is well-formed but names none).
            return language.length() == 3 || TWO_LETTER_LANGUAGES.contains(language);
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }

    private void purls() {
        forEachHelper(this::purl);
    }

    /** Every product identification helper of the tree (branches, full product names, relationships), with its path. */
    private void forEachHelper(BranchVisitor visitor) {
        JsonNode tree = doc.path("product_tree");
        forEachBranch(tree.path("branches"), "/product_tree/branches", (branch, path) ->
                visitor.visit(branch.path("product").path("product_identification_helper"), path + "/product/product_identification_helper"));
        JsonNode names = tree.path("full_product_names");
        for (int i = 0; i < names.size(); i++) {
            visitor.visit(names.get(i).path("product_identification_helper"), "/product_tree/full_product_names/" + i + "/product_identification_helper");
        }
        JsonNode relationships = tree.path("relationships");
        for (int i = 0; i < relationships.size(); i++) {
            visitor.visit(relationships.get(i).path("full_product_name").path("product_identification_helper"),
                    "/product_tree/relationships/" + i + "/full_product_name/product_identification_helper");
        }
    }

    private void purl(JsonNode helper, String path) {
        JsonNode purl = helper.path("purl");
        if (!purl.isTextual()) return;
        try {
            PurlIdentity.resolve(purl.asText());
        } catch (MalformedPurlException e) {
            fail("6.1.13", path + "/purl", "invalid purl: " + e.getMessage());
        }
    }

    /** A revision number or document version: integer or semantic. */
    private record Version(String text, @Nullable Long integer, @Nullable Matcher semver) {
        static @Nullable Version of(String text) {
            if (INTEGER.matcher(text).matches()) return new Version(text, Long.parseLong(text), null);
            Matcher m = SEMVER.matcher(text);
            return m.matches() ? new Version(text, null, m) : null;
        }

        long major() {
            return integer != null ? integer : Long.parseLong(semver.group(1));
        }

        boolean zero() {
            return integer != null ? integer == 0 : semver.group(1).equals("0");
        }

        boolean preRelease() {
            return semver != null && semver.group(4) != null;
        }

        /** Without build metadata (and without the pre-release part when asked). */
        String comparable(boolean dropPreRelease) {
            if (semver == null) return text;
            String core = semver.group(1) + "." + semver.group(2) + "." + semver.group(3);
            return dropPreRelease || semver.group(4) == null ? core : core + "-" + semver.group(4);
        }

        int compareTo(Version o) {
            if (integer != null && o.integer != null) return Long.compare(integer, o.integer);
            if (semver != null && o.semver != null) {
                for (int g = 1; g <= 3; g++) {
                    int c = Long.compare(Long.parseLong(semver.group(g)), Long.parseLong(o.semver.group(g)));
                    if (c != 0) return c;
                }
                String a = semver.group(4);
                String b = o.semver.group(4);
                if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
                return comparePreRelease(a, b);
            }
            return 0; // mixed schemes are 6.1.30's to report
        }

        private static int comparePreRelease(String a, String b) {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                boolean xn = x[i].matches("\\d+");
                boolean yn = y[i].matches("\\d+");
                int c = xn && yn ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                        : xn ? -1 : yn ? 1 : x[i].compareTo(y[i]);
                if (c != 0) return c;
            }
            return Integer.compare(x.length, y.length);
        }
    }

    private record Revision(int index, String date, Version number) {}

    private void revisionHistory() {
        JsonNode tracking = doc.path("document").path("tracking");
        String status = tracking.path("status").asText("");
        boolean released = status.equals("final") || status.equals("interim");
        Version version = Version.of(tracking.path("version").asText(""));
        JsonNode history = tracking.path("revision_history");
        List<Revision> revisions = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        boolean integers = false;
        boolean semantic = false;
        if (version != null) {
            if (version.integer() != null) integers = true; else semantic = true;
        }
        for (int i = 0; i < history.size(); i++) {
            String text = history.get(i).path("number").asText("");
            Version number = Version.of(text);
            if (number == null) continue;
            if (number.integer() != null) integers = true; else semantic = true;
            revisions.add(new Revision(i, history.get(i).path("date").asText(""), number));
            String path = "/document/tracking/revision_history/" + i + "/number";
            if (!numbers.add(number.comparable(false))) fail("6.1.22", path, "revision number " + text + " is used twice");
            if (released && number.zero()) fail("6.1.18", path, "revision " + text + " in a " + status + " document");
            if (released && number.preRelease()) fail("6.1.19", path, "pre-release revision " + text + " in a " + status + " document");
        }
        if (integers && semantic) {
            fail("6.1.30", "/document/tracking", "integer and semantic version numbers are mixed");
        }
        if (version != null) {
            if ((version.zero() || version.preRelease()) && !status.equals("draft")) {
                fail("6.1.17", "/document/tracking/status", "version " + version.text() + " needs status draft, not " + status);
            }
            if (released && version.preRelease()) {
                fail("6.1.20", "/document/tracking/version", "pre-release version " + version.text() + " in a " + status + " document");
            }
        }
        if (revisions.isEmpty() || integers && semantic) return;
        List<Revision> byDate = new ArrayList<>(revisions);
        // Items of the same date are in number order (OASIS's tests: two revisions at one instant are not unsorted).
        byDate.sort(java.util.Comparator.comparing((Revision r) -> java.time.OffsetDateTime.parse(r.date()).toInstant(),
                java.util.Comparator.naturalOrder()).thenComparing((a, b) -> a.number().compareTo(b.number())));
        for (int i = 1; i < byDate.size(); i++) {
            if (byDate.get(i).number().compareTo(byDate.get(i - 1).number()) < 0) {
                fail("6.1.14", "/document/tracking/revision_history", "revision " + byDate.get(i).number().text()
                        + " is dated after revision " + byDate.get(i - 1).number().text());
                break;
            }
        }
        if (version != null) {
            Version latest = byDate.get(byDate.size() - 1).number();
            boolean draft = status.equals("draft");
            if (!latest.comparable(draft).equals(version.comparable(draft))) {
                fail("6.1.16", "/document/tracking/version", "version " + version.text()
                        + " is not the newest revision's number " + latest.text());
            }
        }
        List<Revision> byNumber = new ArrayList<>(revisions);
        byNumber.sort((a, b) -> a.number().compareTo(b.number()));
        long first = byNumber.get(0).number().major();
        if (first > 1) fail("6.1.21", "/document/tracking/revision_history", "the first revision is " + first + ", not 0 or 1");
        for (int i = 1; i < byNumber.size(); i++) {
            long gap = byNumber.get(i).number().major() - byNumber.get(i - 1).number().major();
            if (gap > 1) {
                fail("6.1.21", "/document/tracking/revision_history", "revisions between "
                        + byNumber.get(i - 1).number().text() + " and " + byNumber.get(i).number().text() + " are missing");
            }
        }
    }

    private void translator() {
        JsonNode document = doc.path("document");
        if ("translator".equals(document.path("publisher").path("category").asText())
                && document.path("source_lang").asText("").isEmpty()) {
            fail("6.1.15", "/document/source_lang", "a translator's document must name its source language");
        }
    }

    private void prohibitedCategory() {
        if (PROFILES.contains(category)) return;
        if (category.startsWith("csaf_")) {
            fail("6.1.26", "/document/category", "the prefix csaf_ is reserved");
            return;
        }
        String normalised = category.replaceAll("[-_\\s]", "").toLowerCase(Locale.ROOT);
        for (String profile : List.of("securityincidentresponse", "informationaladvisory", "securityadvisory", "vex")) {
            // the profile's name (without csaf_) or its category value, both without dashes, spaces, underscores
            if (normalised.equals(profile) || normalised.equals("csaf" + profile)) {
                fail("6.1.26", "/document/category", "'" + category + "' is the name of a profile; write csaf_"
                        + profile);
                return;
            }
        }
    }

    // ---- vulnerabilities: 6.1.23, 6.1.24, 6.1.25, 6.1.27.x, 6.1.29, 6.1.31, 6.1.32, 6.1.33

    private void multipleCves() {
        Map<String, Integer> seen = new HashMap<>();
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode cve = vulnerabilities.get(v).path("cve");
            if (!cve.isTextual()) continue;
            Integer before = seen.putIfAbsent(cve.asText(), v);
            if (before != null) fail("6.1.23", "/vulnerabilities/" + v + "/cve", cve.asText() + " is also /vulnerabilities/" + before);
        }
    }

    private void involvements() {
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            Set<String> seen = new HashSet<>();
            JsonNode involvements = vulnerabilities.get(v).path("involvements");
            for (int i = 0; i < involvements.size(); i++) {
                JsonNode inv = involvements.get(i);
                String date = inv.path("date").asText("");
                String key = inv.path("party").asText() + " " + (date.isEmpty() ? "" : java.time.OffsetDateTime.parse(date).toInstant());
                if (!seen.add(key)) {
                    fail("6.1.24", "/vulnerabilities/" + v + "/involvements/" + i, "party " + inv.path("party").asText()
                            + " is involved twice at " + (date.isEmpty() ? "no date" : date));
                }
            }
        }
    }

    private void hashes() {
        forEachHelper(this::hashes);
    }

    private void hashes(JsonNode helper, String path) {
        JsonNode hashes = helper.path("hashes");
        for (int h = 0; h < hashes.size(); h++) {
            Set<String> algorithms = new HashSet<>();
            for (JsonNode fileHash : hashes.get(h).path("file_hashes")) {
                String algorithm = fileHash.path("algorithm").asText();
                if (!algorithms.add(algorithm)) {
                    fail("6.1.25", path + "/hashes/" + h + "/file_hashes", "hash algorithm " + algorithm + " is used twice");
                }
            }
        }
    }

    private void profiles() {
        JsonNode document = doc.path("document");
        boolean informational = category.equals("csaf_informational_advisory");
        boolean incident = category.equals("csaf_security_incident_response");
        boolean advisory = category.equals("csaf_security_advisory");
        boolean vex = category.equals("csaf_vex");
        if (informational || incident) {
            boolean noted = false;
            for (JsonNode note : document.path("notes")) {
                noted |= Set.of("description", "details", "general", "summary").contains(note.path("category").asText());
            }
            if (!noted) fail("6.1.27.1", "/document/notes", "needs a note of category description, details, general or summary");
            boolean external = false;
            for (JsonNode ref : document.path("references")) external |= "external".equals(ref.path("category").asText("external"));
            if (!external) fail("6.1.27.2", "/document/references", "needs a reference to an external source");
        }
        if (informational && doc.has("vulnerabilities")) {
            fail("6.1.27.3", "/vulnerabilities", "an informational advisory has no vulnerabilities");
        }
        if (!advisory && !vex) return;
        if (!doc.has("product_tree")) fail("6.1.27.4", "/product_tree", "the profile requires a product tree");
        if (!doc.has("vulnerabilities")) fail("6.1.27.11", "/vulnerabilities", "the profile requires vulnerabilities");
        Map<String, Set<String>> groups = groups();
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vuln = vulnerabilities.get(v);
            String at = "/vulnerabilities/" + v;
            if (!vuln.has("notes")) fail("6.1.27.5", at + "/notes", "each vulnerability needs notes");
            if (advisory && !vuln.has("product_status")) fail("6.1.27.6", at + "/product_status", "each vulnerability needs a product status");
            if (!vex) continue;
            JsonNode status = vuln.path("product_status");
            if (!status.has("fixed") && !status.has("known_affected") && !status.has("known_not_affected")
                    && !status.has("under_investigation")) {
                fail("6.1.27.7", at + "/product_status", "needs fixed, known_affected, known_not_affected or under_investigation");
            }
            if (!vuln.has("cve") && !vuln.has("ids")) fail("6.1.27.8", at, "needs a cve or ids");
            Set<String> impact = new HashSet<>();
            for (JsonNode flag : vuln.path("flags")) impact.addAll(products(flag, groups));
            for (JsonNode threat : vuln.path("threats")) {
                if ("impact".equals(threat.path("category").asText())) impact.addAll(products(threat, groups));
            }
            JsonNode notAffected = status.path("known_not_affected");
            for (int i = 0; i < notAffected.size(); i++) {
                if (!impact.contains(notAffected.get(i).asText())) {
                    fail("6.1.27.9", at + "/product_status/known_not_affected/" + i, "product "
                            + notAffected.get(i).asText() + " has no impact statement (a flag or an impact threat)");
                }
            }
            Set<String> action = new HashSet<>();
            for (JsonNode remediation : vuln.path("remediations")) action.addAll(products(remediation, groups));
            JsonNode affected = status.path("known_affected");
            for (int i = 0; i < affected.size(); i++) {
                if (!action.contains(affected.get(i).asText())) {
                    fail("6.1.27.10", at + "/product_status/known_affected/" + i, "product "
                            + affected.get(i).asText() + " has no action statement (a remediation)");
                }
            }
        }
    }

    /** The products an item names, directly and through its groups. */
    private static Set<String> products(JsonNode item, Map<String, Set<String>> groups) {
        Set<String> products = new LinkedHashSet<>();
        item.path("product_ids").forEach(p -> products.add(p.asText()));
        item.path("group_ids").forEach(g -> products.addAll(groups.getOrDefault(g.asText(), Set.of())));
        return products;
    }

    private void remediationsAndFlagsReferenceProducts() {
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            for (String list : List.of("remediations", "flags")) {
                JsonNode items = vulnerabilities.get(v).path(list);
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i);
                    if (!item.has("product_ids") && !item.has("group_ids")) {
                        fail(list.equals("remediations") ? "6.1.29" : "6.1.32", "/vulnerabilities/" + v + "/" + list + "/" + i,
                                "names no product_ids or group_ids");
                    }
                }
            }
        }
    }

    private void versionRanges() {
        forEachBranch(doc.path("product_tree").path("branches"), "/product_tree/branches", (branch, path) -> {
            if (!"product_version".equals(branch.path("category").asText())) return;
            String name = branch.path("name").asText("").toLowerCase(Locale.ROOT);
            // The comparators anywhere; the words as words (OASIS's valid "after-eight" is a version name).
            Set<String> words = Set.of(name.split("\\s+"));
            boolean range = name.contains("<") || name.contains(">");
            for (String word : List.of("after", "all", "before", "earlier", "later", "prior", "versions")) {
                range |= words.contains(word);
            }
            if (range) {
                fail("6.1.31", path + "/name", "a product_version names a range ('" + branch.path("name").asText()
                        + "'); use product_version_range");
            }
        });
    }

    private void multipleVexFlags() {
        Map<String, Set<String>> groups = groups();
        JsonNode vulnerabilities = doc.path("vulnerabilities");
        for (int v = 0; v < vulnerabilities.size(); v++) {
            Set<String> flagged = new HashSet<>();
            for (JsonNode flag : vulnerabilities.get(v).path("flags")) {
                if (!VEX_JUSTIFICATIONS.contains(flag.path("label").asText())) continue;
                for (String product : products(flag, groups)) {
                    if (!flagged.add(product)) {
                        fail("6.1.33", "/vulnerabilities/" + v + "/flags", "product " + product
                                + " has more than one VEX justification flag");
                    }
                }
            }
        }
    }
}
