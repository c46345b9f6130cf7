package org.patchgap.formats.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The products of a CSAF {@code product_tree} by product id (CSAF 2.0, section 3.1.3): branch products with the
 * version or version range of their nearest {@code product_version} / {@code product_version_range} branch,
 * {@code full_product_names}, and relationships, which inherit the purl and version of their
 * {@code product_reference} (a package "as a component of" a platform is still that package).
 */
final class CsafProducts {

    /**
     * @param name    the product's name
     * @param purl    {@code product_identification_helper.purl}, or null
     * @param version the nearest {@code product_version} branch name, or null
     * @param range   the nearest {@code product_version_range} branch name, or null
     * @param cpe     {@code product_identification_helper.cpe} (either CPE binding, as written), or null
     */
    record Product(String id, String name, @Nullable String purl, @Nullable String version, @Nullable String range,
            @Nullable String cpe) {}

    private CsafProducts() {}

    static Map<String, Product> of(JsonNode tree) {
        Map<String, Product> products = new LinkedHashMap<>();
        tree.path("full_product_names").forEach(p -> add(p, null, null, products));
        tree.path("branches").forEach(b -> branch(b, null, null, products));
        for (JsonNode r : tree.path("relationships")) {
            JsonNode full = r.path("full_product_name");
            String id = text(full, "product_id");
            if (id == null) continue;
            Product ref = products.get(text(r, "product_reference"));
            String purl = purl(full);
            String name = text(full, "name");
            if (purl == null && cpe(full) == null && ref != null) {
                products.put(id, new Product(id, name == null ? ref.name() : name, ref.purl(), ref.version(), ref.range(),
                        ref.cpe()));
            } else {
                add(full, ref == null ? null : ref.version(), ref == null ? null : ref.range(), products);
            }
        }
        return products;
    }

    private static void branch(JsonNode b, @Nullable String version, @Nullable String range, Map<String, Product> out) {
        String category = text(b, "category");
        String name = text(b, "name");
        String v = version;
        String r = range;
        if ("product_version".equals(category) && name != null) {
            v = name;
            r = null;
        } else if ("product_version_range".equals(category) && name != null) {
            r = name;
            v = null;
        }
        if (b.has("product")) add(b.get("product"), v, r, out);
        for (JsonNode child : b.path("branches")) branch(child, v, r, out);
    }

    private static void add(JsonNode p, @Nullable String version, @Nullable String range, Map<String, Product> out) {
        String id = text(p, "product_id");
        if (id == null) return;
        String name = text(p, "name");
        out.put(id, new Product(id, name == null ? id : name, purl(p), version, range, cpe(p)));
    }

    private static @Nullable String cpe(JsonNode p) {
        return text(p.path("product_identification_helper"), "cpe");
    }

    private static @Nullable String purl(JsonNode p) {
        return text(p.path("product_identification_helper"), "purl");
    }

    /**
     * The product ids of {@code product_tree.product_groups} by group id (CSAF 2.0 section 3.1.3.3): remediations,
     * flags and threats may name products through their groups.
     */
    static Map<String, java.util.List<String>> groups(JsonNode tree) {
        Map<String, java.util.List<String>> groups = new LinkedHashMap<>();
        for (JsonNode g : tree.path("product_groups")) {
            String id = text(g, "group_id");
            if (id == null) continue;
            java.util.List<String> members = new java.util.ArrayList<>();
            g.path("product_ids").forEach(p -> members.add(p.asText()));
            groups.put(id, java.util.List.copyOf(members));
        }
        return groups;
    }

    /** A non-blank text value, or null. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) return null;
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
