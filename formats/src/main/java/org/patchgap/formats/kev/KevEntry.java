package org.patchgap.formats.kev;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of CISA's Known Exploited Vulnerabilities catalog: a CVE known to be exploited in the wild.
 *
 * @param cveId                  e.g. {@code CVE-2017-0144}
 * @param vendorProject          e.g. {@code Microsoft}
 * @param product                e.g. {@code SMBv1}
 * @param name                   the catalog's vulnerability name
 * @param dateAdded              when CISA added it
 * @param dueDate                the remediation due date for US federal agencies
 * @param requiredAction         what CISA asks
 * @param knownRansomwareUse     whether it is known to be used in ransomware campaigns ({@code Known}); false for
 *                               {@code Unknown}
 * @param cwes                   CWE ids, possibly empty
 */
public record KevEntry(
        String cveId,
        String vendorProject,
        String product,
        String name,
        LocalDate dateAdded,
        @Nullable LocalDate dueDate,
        @Nullable String requiredAction,
        boolean knownRansomwareUse,
        List<String> cwes) {

    public KevEntry {
        Objects.requireNonNull(cveId, "cveId");
        Objects.requireNonNull(vendorProject, "vendorProject");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateAdded, "dateAdded");
        cwes = List.copyOf(cwes);
    }
}
