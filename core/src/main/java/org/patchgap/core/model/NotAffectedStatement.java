package org.patchgap.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's statement that its product is not affected by a vulnerability: CSAF VEX
 * {@code product_status.known_not_affected} with the product's {@code flags[]} justification and
 * {@code threats[]} impact statement (CSAF 2.0 sections 3.2.3.5, 3.2.3.9, 3.2.3.14). A matcher uses it to
 * keep a component that another source's range covers out of the findings (docs/decisions/0010).
 *
 * @param ecosystem       the product's ecosystem, as for {@link AffectedPackage} ({@code CPE} for a product
 *                        known only by its CPE name)
 * @param name            package name as the ecosystem spells it (the CPE name for {@code CPE})
 * @param purl            the product's package URL without version, or null
 * @param ranges          the versions the statement covers, as ranges
 * @param versions        the versions the statement covers, listed; with no ranges either, every version
 * @param justification   why it is not affected, or null when the vendor gave no flag
 * @param impactStatement the vendor's explanation ({@code threats[]} of category {@code impact}), or null
 */
public record NotAffectedStatement(
        String ecosystem,
        String name,
        @Nullable String purl,
        List<AffectedRange> ranges,
        List<String> versions,
        @Nullable Justification justification,
        @Nullable String impactStatement) {

    /** CSAF 2.0 VEX justification flags (section 3.2.3.5), in the order the standard lists them. */
    public enum Justification {
        COMPONENT_NOT_PRESENT,
        VULNERABLE_CODE_NOT_PRESENT,
        VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
        VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
        INLINE_MITIGATIONS_ALREADY_EXIST;

        /** The CSAF spelling, {@code component_not_present}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The justification a CSAF flag label names, or null for a label CSAF 2.0 does not define. */
        public static @Nullable Justification ofLabel(String label) {
            for (Justification j : values()) {
                if (j.label().equals(label)) return j;
            }
            return null;
        }
    }

    public NotAffectedStatement {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        ranges = List.copyOf(ranges);
        versions = List.copyOf(versions);
    }

    /** Whether the statement names no versions: it then covers every version of the product. */
    public boolean coversEveryVersion() {
        return ranges.isEmpty() && versions.isEmpty();
    }
}
