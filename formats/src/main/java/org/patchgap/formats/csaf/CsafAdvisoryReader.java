package org.patchgap.formats.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.cpe.CpeAttribute;
import org.patchgap.core.cpe.CpeName;
import org.patchgap.core.cpe.CpeValue;
import org.patchgap.core.cpe.MalformedCpeException;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Remediation;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.purl.MalformedPurlException;
import org.patchgap.core.purl.PurlIdentity;
import org.patchgap.core.purl.PurlResolution;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;
import org.patchgap.formats.AdvisoryReader;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.InvalidCvssVectorException;
import org.patchgap.formats.csaf.CsafProducts.Product;
import org.patchgap.formats.support.CweIds;
import org.patchgap.formats.support.Inputs;
import org.patchgap.formats.support.Timestamps;
import org.patchgap.formats.support.VexStatements;

/**
 * Reads CSAF 2.0 documents (any vendor; {@code csaf_security_advisory}, {@code csaf_vex}, {@code csaf_base}) from
 * one file or a directory tree of {@code .json} files. One {@link Vulnerability} per {@code vulnerabilities[]}
 * entry: its {@code cve} is the id (or its first {@code ids[].text} without a CVE), the document's
 * {@code tracking.id} an alias. Products named by {@code product_status.known_affected}, {@code first_affected} and
 * {@code last_affected} that carry a {@code product_identification_helper.purl} become affected packages in the
 * purl's ecosystem: the purl's version, else the product's {@code product_version} branch, as an explicit version,
 * or its {@code product_version_range} branch (a {@code vers:} URI or the ecosystem's own syntax) as ranges. A
 * product of the same package in {@code fixed} / {@code first_fixed} closes an explicit affected version below it:
 * {@code 2.4} affected and {@code 2.7} fixed is the range {@code [2.4, 2.7)}; a package named only as fixed (the
 * way Red Hat publishes its fixed builds) is affected below its lowest fixed version. {@code known_not_affected} products
 * never become affected: those with a purl, or without one a CPE, become {@link NotAffectedStatement}s with their {@code flags[]}
 * justification and {@code impact} threat. {@code remediations[]} are kept on the affected packages of the products
 * (or product groups) they name. {@code scores[].cvss_v3} / {@code cvss_v2} vectors are scored with
 * {@link CvssScores}; references and {@code vendor_fix} URLs become references.
 *
 * <p>A file given directly that is not JSON or not a CSAF document is a {@link BadInputException}; in a directory
 * such a file is a problem. Inside a document a vulnerability without id, a broken purl, range or vector, and affected
 * products that cannot be matched (no purl: CPE or name only) are problems; the rest is read.
 */
public final class CsafAdvisoryReader implements AdvisoryReader {

    private static final List<String> AFFECTED = List.of("known_affected", "first_affected", "last_affected");
    private static final List<String> FIXED = List.of("fixed", "first_fixed");

    @Override
    public ReadResult<Vulnerability> read(Path path) throws BadInputException {
        if (!Files.exists(path)) throw new BadInputException(Location.of(path.toString()), "no such file");
        List<Vulnerability> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(path)) {
            readDocument(path, out, problems);
            return new ReadResult<>(out, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !path.relativize(f).toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(Location.of(path.toString()), "cannot list directory: " + e.getMessage(), e);
        }
        for (Path f : files) {
            try {
                readDocument(f, out, problems);
            } catch (BadInputException e) {
                problems.add(new Problem(e.location(), e.reason() + "; file skipped"));
            }
        }
        return new ReadResult<>(out, problems);
    }

    private static void readDocument(Path file, List<Vulnerability> out, List<Problem> problems)
            throws BadInputException {
        JsonNode root = Inputs.json(file);
        String source = file.toString();
        JsonNode document = root.path("document");
        if (!document.isObject() || !document.path("tracking").isObject()) {
            throw new BadInputException(new Location(source, "/document/tracking"),
                    "not a CSAF document (expected a document object with tracking)");
        }
        String version = CsafProducts.text(document, "csaf_version");
        if (version != null && !version.equals("2.0")) {
            throw new BadInputException(new Location(source, "/document/csaf_version"),
                    "expected CSAF version 2.0, found " + version);
        }
        JsonNode tracking = document.path("tracking");
        String advisoryId = CsafProducts.text(tracking, "id");
        Instant published = instant(CsafProducts.text(tracking, "initial_release_date"));
        Instant modified = instant(CsafProducts.text(tracking, "current_release_date"));
        Map<String, Product> products = CsafProducts.of(root.path("product_tree"));
        Map<String, List<String>> groups = CsafProducts.groups(root.path("product_tree"));
        List<String> documentRefs = new ArrayList<>();
        document.path("references").forEach(r -> add(documentRefs, CsafProducts.text(r, "url")));

        JsonNode vulns = root.path("vulnerabilities");
        for (int i = 0; i < vulns.size(); i++) {
            JsonNode v = vulns.get(i);
            Location at = new Location(source, "/vulnerabilities/" + i);
            String id = CsafProducts.text(v, "cve");
            List<String> aliases = new ArrayList<>();
            for (JsonNode other : v.path("ids")) {
                String text = CsafProducts.text(other, "text");
                if (id == null) id = text;
                else add(aliases, text);
            }
            if (id == null) {
                problems.add(new Problem(at, "no cve and no ids; vulnerability skipped"));
                continue;
            }
            aliases.remove(id);
            // The document's id is an alias only of its single vulnerability: shared by several, it would merge
            // different CVEs into one finding (and let a VEX statement about one hide another).
            if (advisoryId != null && !advisoryId.equals(id) && vulns.size() == 1) add(aliases, advisoryId);
            String title = CsafProducts.text(v, "title");
            if (title == null) title = CsafProducts.text(document, "title");
            Instant released = instant(CsafProducts.text(v, "release_date"));
            List<String> references = new ArrayList<>();
            v.path("references").forEach(r -> add(references, CsafProducts.text(r, "url")));
            for (JsonNode rem : v.path("remediations")) {
                if ("vendor_fix".equals(CsafProducts.text(rem, "category"))) add(references, CsafProducts.text(rem, "url"));
            }
            documentRefs.forEach(r -> add(references, r));
            ProductScope scope = new ProductScope(products, groups);
            out.add(new Vulnerability(id, aliases, title, released != null ? released : published, modified, null,
                    severities(v, at, problems), affected(v, scope, at, problems), references, source,
                    notAffected(v, scope, at, problems), weaknesses(v, at, problems)));
        }
    }

    /** CSAF 2.0's single {@code cwe} object; CSAF 2.1 documents list several in {@code cwes}. */
    private static List<String> weaknesses(JsonNode vulnerability, Location at, List<Problem> problems) {
        List<JsonNode> entries = new ArrayList<>();
        if (vulnerability.has("cwe")) entries.add(vulnerability.get("cwe"));
        vulnerability.path("cwes").forEach(entries::add);
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : entries) {
            String cwe = CweIds.normalize(CsafProducts.text(entry, "id"));
            if (cwe == null) {
                problems.add(new Problem(at, "cwe ignored: expected an id like CWE-79, found " + entry.path("id")));
            } else if (!ids.contains(cwe)) {
                ids.add(cwe);
            }
        }
        return ids;
    }

    private static List<Severity> severities(JsonNode v, Location at, List<Problem> problems) {
        Set<String> vectors = new LinkedHashSet<>();
        JsonNode scores = v.path("scores");
        for (int s = 0; s < scores.size(); s++) {
            for (String kind : List.of("cvss_v3", "cvss_v2")) {
                String vector = CsafProducts.text(scores.get(s).path(kind), "vectorString");
                if (vector != null) vectors.add(vector);
            }
        }
        List<Severity> out = new ArrayList<>();
        for (String vector : vectors) {
            try {
                out.add(CvssScores.severity(vector));
            } catch (InvalidCvssVectorException e) {
                problems.add(new Problem(new Location(at.file(), at.place() + "/scores"),
                        "CVSS vector " + vector + " ignored: " + e.getMessage()));
            }
        }
        return out;
    }

    /** What one package (ecosystem and name) is said to be, collected over the products that name it. */
    private static final class PackageFacts {
        final String ecosystem;
        final String name;
        final @Nullable String purl;
        final Set<String> affected = new LinkedHashSet<>();
        final Set<String> fixed = new LinkedHashSet<>();
        final List<AffectedRange> ranges = new ArrayList<>();
        final Set<Remediation> remediations = new LinkedHashSet<>();

        PackageFacts(String ecosystem, String name, @Nullable String purl) {
            this.ecosystem = ecosystem;
            this.name = name;
            this.purl = purl;
        }
    }

    /** The products and product groups of a document: what {@code product_ids} and {@code group_ids} name. */
    private record ProductScope(Map<String, Product> products, Map<String, List<String>> groups) {

        /** The product ids an object names through its {@code product_ids} and {@code group_ids}. */
        Set<String> idsOf(JsonNode node) {
            Set<String> ids = new LinkedHashSet<>();
            node.path("product_ids").forEach(id -> ids.add(id.asText()));
            for (JsonNode group : node.path("group_ids")) {
                ids.addAll(groups.getOrDefault(group.asText(), List.of()));
            }
            return ids;
        }
    }

    private static List<AffectedPackage> affected(JsonNode v, ProductScope scope, Location at,
            List<Problem> problems) {
        Map<String, Product> products = scope.products();
        JsonNode status = v.path("product_status");
        Location statusAt = new Location(at.file(), at.place() + "/product_status");
        Set<String> notAffected = new LinkedHashSet<>();
        status.path("known_not_affected").forEach(id -> notAffected.add(id.asText()));
        Map<String, PackageFacts> packages = new LinkedHashMap<>();
        List<String> unmatchable = new ArrayList<>();
        for (String category : AFFECTED) {
            for (JsonNode idNode : status.path(category)) {
                String id = idNode.asText();
                if (notAffected.contains(id)) {
                    problems.add(new Problem(statusAt, "product " + id + " is both " + category
                            + " and known_not_affected; kept as not affected"));
                    continue;
                }
                Product p = products.get(id);
                if (p == null) {
                    problems.add(new Problem(statusAt, "product_id " + id + " is not in the product tree; ignored"));
                    continue;
                }
                if (p.purl() == null && p.cpe() == null) {
                    unmatchable.add(p.name());
                    continue;
                }
                PackageFacts facts = facts(p, packages, statusAt, problems);
                if (facts == null) continue;
                String version = version(p);
                if (version != null) {
                    facts.affected.add(version);
                } else if (p.range() != null) {
                    ranges(facts.ecosystem, p, facts.affected, facts.ranges, statusAt, problems);
                } else {
                    problems.add(new Problem(statusAt, "product " + p.name() + " (" + (p.purl() != null ? p.purl() : p.cpe())
                            + ") has no version or version range; ignored"));
                }
            }
        }
        for (String category : FIXED) {
            for (JsonNode idNode : status.path(category)) {
                Product p = products.get(idNode.asText());
                String version = p == null ? null : version(p);
                if (p == null || p.purl() == null && p.cpe() == null || version == null) continue;
                PackageFacts facts = facts(p, packages, statusAt, problems);
                if (facts != null) facts.fixed.add(version);
            }
        }
        if (!unmatchable.isEmpty()) {
            problems.add(new Problem(statusAt, unmatchable.size() + " affected product(s) have neither purl nor CPE and"
                    + " cannot be matched, e.g. " + unmatchable.get(0)));
        }
        remediations(v, scope, packages, at, problems);
        List<AffectedPackage> out = new ArrayList<>();
        for (PackageFacts f : packages.values()) {
            AffectedPackage p = closeWithFixes(f, statusAt, problems);
            // A package whose every product was skipped says nothing: an empty entry would read as "all versions".
            if (!p.ranges().isEmpty() || !p.versions().isEmpty()) out.add(p);
        }
        return out;
    }

    /** Affected versions below a fixed version of the same package become ranges ending at the nearest fix. */
    private static AffectedPackage closeWithFixes(PackageFacts f, Location at, List<Problem> problems) {
        List<AffectedRange> ranges = new ArrayList<>(f.ranges);
        List<String> versions = new ArrayList<>();
        VersionScheme scheme = VersionSchemes.forEcosystem(f.ecosystem);
        List<Version> fixes = new ArrayList<>();
        for (String fixed : f.fixed) {
            try {
                fixes.add(scheme.parse(fixed));
            } catch (InvalidVersionException e) {
                problems.add(new Problem(at, "fixed version " + fixed + " of " + f.name + " ignored: " + e.getMessage()));
            }
        }
        if (f.affected.isEmpty() && f.ranges.isEmpty() && !fixes.isEmpty()) {
            // Named only as fixed (how Red Hat publishes: the fixed builds): the versions below the lowest fix.
            Version lowest = fixes.stream().min(Version::compareTo).orElseThrow();
            ranges.add(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                    List.of(RangeEvent.introduced("0"), RangeEvent.fixed(lowest.text()))));
        }
        for (String affected : f.affected) {
            Version nearest = null;
            try {
                Version a = scheme.parse(affected);
                for (Version fix : fixes) {
                    if (fix.compareTo(a) > 0 && (nearest == null || fix.compareTo(nearest) < 0)) nearest = fix;
                }
            } catch (InvalidVersionException e) {
                // Kept as an exact version: matching compares it as text.
            }
            if (nearest == null) {
                versions.add(affected);
            } else {
                ranges.add(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null,
                        List.of(RangeEvent.introduced(affected), RangeEvent.fixed(nearest.text()))));
            }
        }
        return new AffectedPackage(f.ecosystem, f.name, f.purl, ranges, versions, null, List.copyOf(f.remediations));
    }

    /**
     * {@code remediations[]} (CSAF 2.0 section 3.2.3.12), each attached to the packages of the products it names
     * (affected or fixed ones: Red Hat names the fixed builds); a remediation naming no package read here is dropped.
     */
    private static void remediations(JsonNode v, ProductScope scope, Map<String, PackageFacts> packages, Location at,
            List<Problem> problems) {
        JsonNode list = v.path("remediations");
        for (int r = 0; r < list.size(); r++) {
            JsonNode rem = list.get(r);
            Location remAt = new Location(at.file(), at.place() + "/remediations/" + r);
            String label = CsafProducts.text(rem, "category");
            Remediation.Category category = label == null ? null : Remediation.Category.ofLabel(label);
            if (category == null) {
                problems.add(new Problem(remAt, "remediation category " + label + " is not a CSAF 2.0 category "
                        + "(vendor_fix, workaround, mitigation, no_fix_planned, none_available); ignored"));
                continue;
            }
            String details = CsafProducts.text(rem, "details");
            Remediation remediation = new Remediation(category, details == null ? "" : details,
                    CsafProducts.text(rem, "url"), instant(CsafProducts.text(rem, "date")));
            for (String id : scope.idsOf(rem)) {
                Product p = scope.products().get(id);
                PurlIdentity i = p == null ? null : resolve(p.purl()).orElse(null);
                if (i == null) continue;
                PackageFacts facts = packages.get(key(i.ecosystem(), i.name()));
                if (facts != null) facts.remediations.add(remediation);
            }
        }
    }

    /**
     * {@code known_not_affected} products as statements (CSAF 2.0 sections 3.2.3.9, 3.2.3.5, 3.2.3.14): one per
     * product with a purl (in its ecosystem) or, without one, a CPE (in ecosystem {@code CPE}), with the
     * {@code flags[]} label and the {@code impact} threat that name it.
     */
    private static List<NotAffectedStatement> notAffected(JsonNode v, ProductScope scope, Location at,
            List<Problem> problems) {
        Location statusAt = new Location(at.file(), at.place() + "/product_status/known_not_affected");
        Map<String, String> justifications = new LinkedHashMap<>();
        JsonNode flags = v.path("flags");
        for (int f = 0; f < flags.size(); f++) {
            String label = CsafProducts.text(flags.get(f), "label");
            if (label == null || NotAffectedStatement.Justification.ofLabel(label) == null) {
                problems.add(new Problem(new Location(at.file(), at.place() + "/flags/" + f), "flag label " + label
                        + " is not a CSAF 2.0 justification; ignored"));
                continue;
            }
            for (String id : scope.idsOf(flags.get(f))) justifications.putIfAbsent(id, label);
        }
        Map<String, String> impacts = new LinkedHashMap<>();
        for (JsonNode threat : v.path("threats")) {
            String details = CsafProducts.text(threat, "details");
            if (!"impact".equals(CsafProducts.text(threat, "category")) || details == null) continue;
            for (String id : scope.idsOf(threat)) impacts.putIfAbsent(id, details);
        }
        List<NotAffectedStatement> out = new ArrayList<>();
        List<String> unmatchable = new ArrayList<>();
        for (JsonNode idNode : v.path("product_status").path("known_not_affected")) {
            String id = idNode.asText();
            Product p = scope.products().get(id);
            if (p == null) {
                problems.add(new Problem(statusAt, "product_id " + id + " is not in the product tree; ignored"));
                continue;
            }
            PurlIdentity i;
            try {
                i = p.purl() == null ? null : PurlIdentity.resolve(p.purl()).identity();
            } catch (MalformedPurlException e) {
                problems.add(new Problem(statusAt, "product " + id + ": bad purl " + p.purl() + ": " + e.getMessage()));
                continue;
            }
            String ecosystem;
            String name;
            String base;
            if (i != null) {
                ecosystem = i.ecosystem();
                name = i.name();
                base = i.purl().contains("@") ? i.purl().substring(0, i.purl().indexOf('@')) : i.purl();
            } else if (p.purl() == null && p.cpe() != null) {
                // Known by its CPE only: a statement in ecosystem CPE, named as the CPE-affected path names its
                // package (2.3 form, version ANY); the version goes to the versions, as there.
                CpeName cpe = cpeName(p, statusAt, problems);
                if (cpe == null) continue;
                ecosystem = CpeName.ECOSYSTEM;
                name = cpe.with(CpeAttribute.VERSION, CpeValue.ANY).toFormattedString();
                base = null;
            } else {
                unmatchable.add(p.name());
                continue;
            }
            Set<String> versions = new LinkedHashSet<>();
            List<AffectedRange> ranges = new ArrayList<>();
            String version = version(p);
            if (version != null) {
                versions.add(version);
            } else if (p.range() != null && !ranges(ecosystem, p, versions, ranges, statusAt, problems)) {
                continue; // a statement whose range we cannot hold must not widen to every version
            }
            String label = justifications.get(id);
            NotAffectedStatement statement = new NotAffectedStatement(ecosystem, name, base, ranges,
                    List.copyOf(versions), label == null ? null : NotAffectedStatement.Justification.ofLabel(label),
                    impacts.get(id));
            if (!out.contains(statement)) out.add(statement);
        }
        if (!unmatchable.isEmpty()) {
            problems.add(new Problem(statusAt, unmatchable.size() + " not-affected product(s) have neither a usable purl"
                    + " nor a CPE and cannot be matched, e.g. " + unmatchable.get(0)));
        }
        return out;
    }

    private static @Nullable PackageFacts facts(Product p, Map<String, PackageFacts> packages, Location at,
            List<Problem> problems) {
        if (p.purl() == null) return cpeFacts(p, packages, at, problems);
        PurlResolution r;
        try {
            r = PurlIdentity.resolve(p.purl());
        } catch (MalformedPurlException e) {
            problems.add(new Problem(at, "product " + p.id() + ": bad purl " + p.purl() + ": " + e.getMessage()));
            return null;
        }
        PurlIdentity i = r.identity();
        if (i == null) {
            problems.add(new Problem(at, "product " + p.id() + ": purl " + p.purl() + " not matched: " + r.unmappedReason()));
            return null;
        }
        String base = i.purl().contains("@") ? i.purl().substring(0, i.purl().indexOf('@')) : i.purl();
        return packages.computeIfAbsent(key(i.ecosystem(), i.name()), k -> new PackageFacts(i.ecosystem(), i.name(), base));
    }

    /**
     * The product's version range as explicit versions (a single-version interval) and OSV-style ranges; false,
     * with a problem, when the range cannot be read or held.
     */
    private static boolean ranges(String ecosystem, Product p, Set<String> versionsOut, List<AffectedRange> rangesOut,
            Location at, List<Problem> problems) {
        return VexStatements.ranges(ecosystem, p.range(), "product " + p.id(), versionsOut, rangesOut, at, problems);
    }

    /**
     * A product known only by its CPE is the package of that CPE with any version, in ecosystem {@code CPE}
     * (named by the CPE 2.3 formatted string, a 2.2 URI converted): its versions, like a purl product's, are
     * collected over the products that name it, so that a fixed version closes the affected ones below it.
     */
    private static @Nullable PackageFacts cpeFacts(Product p, Map<String, PackageFacts> packages, Location at,
            List<Problem> problems) {
        CpeName cpe = cpeName(p, at, problems);
        if (cpe == null) return null;
        String name = cpe.with(CpeAttribute.VERSION, CpeValue.ANY).toFormattedString();
        return packages.computeIfAbsent(key(CpeName.ECOSYSTEM, name), k -> new PackageFacts(CpeName.ECOSYSTEM, name, null));
    }

    private static @Nullable CpeName cpeName(Product p, @Nullable Location at, @Nullable List<Problem> problems) {
        if (p.cpe() == null) return null;
        try {
            return CpeName.parse(p.cpe());
        } catch (MalformedCpeException e) {
            if (problems != null) problems.add(new Problem(at, "product " + p.id() + ": " + e.getMessage()));
            return null;
        }
    }

    /**
     * The purl's own version, else the product's {@code product_version} branch; for a product known by its CPE,
     * the CPE's version when it names one, else the branch.
     */
    private static @Nullable String version(Product p) {
        if (p.purl() == null) {
            CpeName cpe = cpeName(p, null, null);
            CpeValue version = cpe == null ? CpeValue.ANY : cpe.version();
            return version.kind() == CpeValue.Kind.STRING && !version.hasWildcards() ? version.text() : p.version();
        }
        return resolve(p.purl()).map(PurlIdentity::version).orElse(p.version());
    }

    private static java.util.Optional<PurlIdentity> resolve(@Nullable String purl) {
        if (purl == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.ofNullable(PurlIdentity.resolve(purl).identity());
        } catch (MalformedPurlException e) {
            return java.util.Optional.empty();
        }
    }

    private static String key(String ecosystem, String name) {
        return ecosystem + "\u0000" + name;
    }

    private static void add(List<String> list, @Nullable String value) {
        if (value != null && !list.contains(value)) list.add(value);
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return Timestamps.rfc3339OrNull(s);
    }
}
