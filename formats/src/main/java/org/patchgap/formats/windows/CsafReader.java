package org.patchgap.formats.windows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.windows.AffectedWindowsProduct;
import org.patchgap.core.windows.Kb;
import org.patchgap.core.windows.WindowsBuild;
import org.patchgap.core.windows.WindowsFix;
import org.patchgap.core.windows.WindowsProduct;
import org.patchgap.core.windows.WindowsProducts;
import org.patchgap.core.windows.WindowsVulnerability;
import org.patchgap.formats.support.Timestamps;

/**
 * A CSAF 2.0 document about Windows, read with the standard's own structures only (CSAF 2.0, sections 3.1.3
 * product tree, 3.2.3 vulnerabilities): products from {@code full_product_names}, branch {@code product}s and
 * relationships; per vulnerability {@code cve}, {@code title}, the {@code description} note,
 * {@code product_status.known_affected} (and {@code first_affected}, {@code last_affected}), {@code scores}
 * ({@code cvss_v3}, {@code cvss_v2}), and {@code remediations}: {@code vendor_fix} with a KB number in
 * {@code details} or in {@code url}, {@code workaround} and {@code mitigation} texts. A fixed build comes from
 * the affected product's version range: a branch of category {@code product_version_range} named
 * {@code <10.0.14393.953} (or {@code vers:.../<10.0.14393.953}), or a product name ending in such a range.
 * CSAF has no supersedence field: KBs from CSAF documents only supersede through CVRF data loaded beside them.
 */
final class CsafReader {

    private static final Pattern BELOW = Pattern.compile("<\\s*(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s*$");
    private static final Pattern KB_IN_URL = Pattern.compile("(?i)(?:KB|q=|kbid=|help/)(\\d{6,8})");

    private CsafReader() {}

    static boolean looksLikeCsaf(String head) {
        return head.contains("\"csaf_version\"") || (head.contains("\"document\"") && head.contains("\"category\"")
                && head.contains("csaf"));
    }

    private record Product(String name, @Nullable WindowsBuild below) {}

    static ReadResult<WindowsVulnerability> read(Path file) throws BadInputException {
        JsonNode root = Json.parse(file, WindowsText.read(file), "a CSAF 2.0 document");
        JsonNode document = root.path("document");
        if (!root.isObject() || !document.isObject()) {
            throw new BadInputException(new Location(file.toString(), "/document"), "not a CSAF document (expected a document object)");
        }
        String source = file.toString();
        String advisoryId = Optional.ofNullable(Json.text(document.path("tracking"), "id")).orElse(file.getFileName().toString());
        Instant published = instant(Json.text(document.path("tracking"), "initial_release_date"));

        Map<String, Product> products = new LinkedHashMap<>();
        JsonNode tree = root.path("product_tree");
        tree.path("full_product_names").forEach(p -> product(p, null, products));
        tree.path("branches").forEach(b -> branch(b, null, products));
        tree.path("relationships").forEach(r -> product(r.path("full_product_name"), null, products));

        List<WindowsVulnerability> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JsonNode vulns = root.path("vulnerabilities");
        for (int i = 0; i < vulns.size(); i++) {
            JsonNode v = vulns.get(i);
            String pointer = "/vulnerabilities/" + i;
            String cve = Json.text(v, "cve");
            if (cve == null) {
                problems.add(new Problem(new Location(source, pointer), "no cve; vulnerability skipped"));
                continue;
            }
            vulnerability(v, cve, advisoryId, published, products, source, pointer, problems).ifPresent(out::add);
        }
        return new ReadResult<>(out, problems);
    }

    private static Optional<WindowsVulnerability> vulnerability(JsonNode v, String cve, String advisoryId,
            @Nullable Instant published, Map<String, Product> products, String source, String pointer,
            List<Problem> problems) {
        Set<String> affectedIds = new LinkedHashSet<>();
        for (String status : List.of("known_affected", "first_affected", "last_affected")) {
            v.path("product_status").path(status).forEach(id -> affectedIds.add(id.asText()));
        }
        Map<String, WindowsProduct> windows = new LinkedHashMap<>();
        for (String id : affectedIds) {
            Product p = products.get(id);
            if (p == null) {
                problems.add(new Problem(new Location(source, pointer + "/product_status"),
                        "product_id " + id + " is not in the product tree; ignored"));
                continue;
            }
            WindowsProducts.parseName(p.name()).ifPresent(w -> windows.put(id, w));
        }
        if (windows.isEmpty()) return Optional.empty();

        Map<String, Severity> severities = new HashMap<>();
        JsonNode scores = v.path("scores");
        for (JsonNode s : scores) {
            JsonNode cvss = s.has("cvss_v3") ? s.get("cvss_v3") : s.path("cvss_v2");
            if (!cvss.has("baseScore")) continue;
            double score = cvss.get("baseScore").asDouble();
            String vector = Json.text(cvss, "vectorString");
            SeverityLevel level = Optional.ofNullable(Json.text(cvss, "baseSeverity")).flatMap(SeverityLevel::fromWord)
                    .orElse(SeverityLevel.ofCvssScore(score));
            String type = s.has("cvss_v3") ? "CVSS_V3" : "CVSS_V2";
            s.path("products").forEach(id -> severities.put(id.asText(), new Severity(level, score, vector, type)));
        }

        Map<String, List<WindowsFix>> fixes = new HashMap<>();
        List<String> workarounds = new ArrayList<>();
        JsonNode remediations = v.path("remediations");
        for (int r = 0; r < remediations.size(); r++) {
            JsonNode rem = remediations.get(r);
            String category = Optional.ofNullable(Json.text(rem, "category")).orElse("").toLowerCase(Locale.ROOT);
            String details = Optional.ofNullable(Json.text(rem, "details")).orElse("");
            if (category.equals("workaround") || category.equals("mitigation")) {
                if (!details.isEmpty()) workarounds.add(details);
                continue;
            }
            if (!category.equals("vendor_fix")) continue;
            List<String> ids = new ArrayList<>();
            rem.path("product_ids").forEach(id -> {
                if (windows.containsKey(id.asText())) ids.add(id.asText());
            });
            if (ids.isEmpty()) continue;
            Optional<String> kb = Kb.normalize(details).or(() -> Optional.ofNullable(Json.text(rem, "url")).flatMap(url -> {
                Matcher m = KB_IN_URL.matcher(url);
                return m.find() ? Kb.normalize(m.group(1)) : Optional.empty();
            }));
            if (kb.isEmpty()) {
                // Release-notes links and the like: not an update a host can list.
                continue;
            }
            for (String id : ids) {
                WindowsBuild below = products.get(id).below();
                fixes.computeIfAbsent(id, k -> new ArrayList<>()).add(new WindowsFix(kb.get(), null, below, Set.of()));
            }
        }
        List<AffectedWindowsProduct> affected = new ArrayList<>();
        windows.forEach((id, product) -> {
            List<WindowsFix> f = fixes.getOrDefault(id, List.of());
            if (f.isEmpty() && products.get(id).below() != null) {
                problems.add(new Problem(new Location(source, pointer + "/remediations"),
                        "product " + products.get(id).name() + " has a fixed build but no vendor_fix with a KB"));
            }
            affected.add(new AffectedWindowsProduct(products.get(id).name(), product,
                    severities.getOrDefault(id, Severity.UNKNOWN), f));
        });
        String title = Optional.ofNullable(Json.text(v, "title")).orElse(cve);
        String description = null;
        for (JsonNode note : v.path("notes")) {
            if ("description".equals(Json.text(note, "category"))) {
                description = Json.text(note, "text");
                break;
            }
        }
        return Optional.of(new WindowsVulnerability(cve, advisoryId, title, description, published, affected, workarounds, source));
    }

    /** Walks branches, carrying the version range of the nearest {@code product_version_range} ancestor. */
    private static void branch(JsonNode b, @Nullable WindowsBuild below, Map<String, Product> products) {
        WindowsBuild range = below;
        if ("product_version_range".equals(Json.text(b, "category"))) {
            range = below(Json.text(b, "name")).orElse(below);
        }
        if (b.has("product")) product(b.get("product"), range, products);
        for (JsonNode child : b.path("branches")) branch(child, range, products);
    }

    private static void product(JsonNode p, @Nullable WindowsBuild below, Map<String, Product> products) {
        String id = Json.text(p, "product_id");
        String name = Json.text(p, "name");
        if (id == null || name == null) return;
        WindowsBuild own = below(name).orElse(below);
        // The range is part of some product names ("Windows 10 Version 1607 for x64-based Systems <10.0.14393.953"):
        // the product is the name without it.
        String plain = BELOW.matcher(name).replaceAll("").strip();
        products.put(id, new Product(plain, own));
    }

    private static Optional<WindowsBuild> below(@Nullable String range) {
        if (range == null) return Optional.empty();
        Matcher m = BELOW.matcher(range);
        return m.find() ? WindowsBuild.parse(m.group(1)) : Optional.empty();
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return Timestamps.rfc3339OrNull(s);
    }
}
