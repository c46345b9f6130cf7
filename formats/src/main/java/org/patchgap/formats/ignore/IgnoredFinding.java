package org.patchgap.formats.ignore;

import java.util.Objects;
import org.patchgap.core.model.Finding;

/** A finding kept out of the report by an ignore rule, listed apart with the rule that did it. */
public record IgnoredFinding(Finding finding, IgnoreRule rule) {
    public IgnoredFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(rule, "rule");
    }
}
