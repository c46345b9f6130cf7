package org.patchgap.formats.advisory;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An advisory as a coordinator writes it before publication: one vulnerability, the products it affects with
 * their version ranges and fixes. {@link CsafAdvisoryWriter} and {@link OsvAdvisoryWriter} turn it into the
 * published documents; {@link AdvisoryDraftReader} reads it from JSON and refuses what cannot be published.
 *
 * @param title           one line, the document's and the record's title
 * @param summary         a paragraph: what is affected and what to do
 * @param details         the description of the flaw (may repeat the summary when there is nothing more to say)
 * @param cve             the CVE id when one is assigned
 * @param cwe             the weakness, with MITRE's name (CSAF requires both)
 * @param cvss            a CVSS v3.x or v2 vector (v4 vectors are kept in OSV only: CSAF 2.0 has no place for them)
 * @param products        at least one
 * @param references      further URLs (the vendors' advisories, a write-up)
 * @param acknowledgments who found it, as they agreed to be named (none for an anonymous reporter)
 */
public record AdvisoryDraft(
        String title,
        String summary,
        String details,
        @Nullable String cve,
        @Nullable Cwe cwe,
        @Nullable String cvss,
        List<Product> products,
        List<String> references,
        List<String> acknowledgments) {

    public AdvisoryDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(details, "details");
        products = List.copyOf(products);
        references = List.copyOf(references);
        acknowledgments = List.copyOf(acknowledgments);
    }

    public record Cwe(String id, String name) {}

    /**
     * A product the flaw is in: a package by {@code purl} (without version), or a product by {@code cpe} when it is
     * no package (an appliance, an operating system). {@code affected} ranges are in the package's own version
     * scheme; a product fixed by an update rather than a version names the {@code kb}.
     *
     * @param vendor      the vendor's name as it should appear in the product tree
     * @param name        the product's name
     * @param purl        the package, without version
     * @param cpe         a CPE 2.3 name for a product that is not a package
     * @param affected    version ranges (at least one)
     * @param remediation what to do, in words (default: upgrade to the fixed versions)
     * @param kb          an update that fixes it (a Microsoft KB, a vendor's patch id), instead of or besides a version
     * @param fixUrl      where the fix is
     * @param vendorTeam  the Patchgap team of the vendor who makes it, when it is a case's vendor
     */
    public record Product(
            String vendor,
            String name,
            @Nullable String purl,
            @Nullable String cpe,
            List<Range> affected,
            @Nullable String remediation,
            @Nullable String kb,
            @Nullable String fixUrl,
            @Nullable String vendorTeam) {

        public Product {
            affected = List.copyOf(affected);
        }

        /** The fixed versions of its ranges, in order. */
        public List<String> fixedVersions() {
            return affected.stream().map(Range::fixed).filter(Objects::nonNull).toList();
        }
    }

    /** Affected from {@code introduced} (null: every earlier version) up to, not including, {@code fixed} (null: no fix). */
    public record Range(@Nullable String introduced, @Nullable String fixed) {}
}
