package org.patchgap.core.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor says to do about a vulnerability in a product, beside (or instead of) a fixed version: CSAF 2.0
 * {@code vulnerabilities[].remediations[]} (section 3.2.3.12). A {@code vendor_fix} often names the update
 * ({@code RHSA-2022:0011}, {@code KB5034441}) in its details and links it in its URL.
 *
 * @param category what kind of remediation this is
 * @param details  the vendor's text, as published (may be empty)
 * @param url      where to read more or download the fix, or null
 * @param date     when the remediation was published or last changed, or null
 */
public record Remediation(Category category, String details, @Nullable String url, @Nullable Instant date) {

    /** CSAF 2.0 remediation categories, in the order the standard lists them. */
    public enum Category {
        MITIGATION, NO_FIX_PLANNED, NONE_AVAILABLE, VENDOR_FIX, WORKAROUND;

        /** The CSAF spelling, {@code vendor_fix}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The category a CSAF label names, or null for a label CSAF 2.0 does not define. */
        public static @Nullable Category ofLabel(String label) {
            for (Category c : values()) {
                if (c.label().equals(label)) return c;
            }
            return null;
        }
    }

    public Remediation {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(details, "details");
    }
}
