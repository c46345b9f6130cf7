package org.patchgap.core.model;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalog: the flaw is exploited in the wild. Joined to
 * vulnerabilities by CVE id (the record's id or one of its aliases).
 *
 * @param cve                        the CVE id, e.g. {@code CVE-2021-44228}
 * @param dateAdded                  when CISA added it to the catalog
 * @param dueDate                    the remediation deadline for US federal agencies, or null when not given
 * @param knownRansomwareCampaignUse true when CISA knows it was used in a ransomware campaign ({@code "Known"})
 * @param requiredAction             what to do, as CISA words it
 * @param vendorProject              the vendor or project
 * @param product                    the product
 * @param vulnerabilityName          CISA's name for the flaw
 */
public record KevEntry(
        String cve,
        LocalDate dateAdded,
        @Nullable LocalDate dueDate,
        boolean knownRansomwareCampaignUse,
        String requiredAction,
        String vendorProject,
        String product,
        String vulnerabilityName) {

    public KevEntry {
        Objects.requireNonNull(cve, "cve");
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(requiredAction, "requiredAction");
        Objects.requireNonNull(vendorProject, "vendorProject");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(vulnerabilityName, "vulnerabilityName");
    }
}
