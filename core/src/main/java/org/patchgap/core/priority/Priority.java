package org.patchgap.core.priority;

import java.util.List;
import java.util.Objects;

/**
 * A finding's patch priority: CISA's decision and the inputs it came from, each with its reason, in the tree's
 * order (exploitation, automatable, technical impact, mission and well-being).
 */
public record Priority(Decision decision, CisaTree.Exploitation exploitation, boolean automatable,
        boolean totalImpact, CisaTree.MissionImpact mission, List<String> reasons) {

    public Priority {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(exploitation, "exploitation");
        Objects.requireNonNull(mission, "mission");
        reasons = List.copyOf(reasons);
    }

    /** The SSVC vector as CISA's calculator writes its inputs, e.g. {@code E:A/A:Y/T:T/M:M}. */
    public String vector() {
        String e = switch (exploitation) {
            case NONE -> "N";
            case PUBLIC_POC -> "P";
            case ACTIVE -> "A";
        };
        return "E:" + e + "/A:" + (automatable ? "Y" : "N") + "/T:" + (totalImpact ? "T" : "P") + "/M:"
                + mission.name().charAt(0);
    }
}
