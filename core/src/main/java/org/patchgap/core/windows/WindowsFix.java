package org.patchgap.core.windows;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One update that fixes a vulnerability on one product (a Security Update Guide "Vendor Fix" remediation).
 *
 * @param kb         canonical KB id, e.g. {@code KB4012212}
 * @param subType    the guide's kind of update, e.g. {@code Security Only}, {@code Monthly Rollup},
 *                   {@code Security Update}; null when not given
 * @param fixedBuild the first fixed build of a cumulative update, e.g. {@code 10.0.14393.953}; null when not given
 * @param supersedes the KBs this update replaces, as its {@code Supercedence} field names them
 */
public record WindowsFix(String kb, @Nullable String subType, @Nullable WindowsBuild fixedBuild, Set<String> supersedes) {

    public WindowsFix {
        Objects.requireNonNull(kb, "kb");
        supersedes = Set.copyOf(supersedes);
    }
}
