package org.patchgap.formats.ignore;

import java.util.Objects;
import org.patchgap.core.model.Finding;

/** A finding kept out of the report by an ignore rule, listed apart with the rule that did it. */
public record IgnoredFinding(Finding finding, IgnoreRule rule) {
    public IgnoredFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The accepted risk in one sentence, as the VEX formats state it (an action, a remediation, an analysis detail):
     * {@code Risk accepted: <reason> (until <date>); <where the rule is>.}
     */
    public String acceptance() {
        return "Risk accepted: " + rule.reason().strip() + (rule.expires() == null ? "" : " (until " + rule.expires() + ")")
                + "; " + rule.where() + ".";
    }
}
