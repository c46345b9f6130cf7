package org.patchgap.core.windows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchgap.core.match.MatchReport;
import org.patchgap.core.match.Upgrade;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Target;

/**
 * The Windows host matcher as a finding source (of {@code scan}, of the fleet server): exposed and cannot-tell results become findings
 * in the common model; for each host, the exposed findings that the same updates remove become one upgrade,
 * whose target version reads {@code KB4012212 or KB4012215} (or the fixed build of a cumulative product).
 */
public final class WindowsFindings {

    private WindowsFindings() {}

    public static MatchReport match(WindowsMatcher matcher, List<Target> targets) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<WindowsFinding>> byFix = new LinkedHashMap<>();
        int hosts = 0;
        for (Target target : targets) {
            List<WindowsFinding> results = matcher.match(target);
            if (target.kind() == Target.Kind.HOST && target.host() != null) hosts++;
            for (WindowsFinding result : results) {
                findings.add(result.toFinding());
                if (result.status() == WindowsFinding.Status.EXPOSED) {
                    byFix.computeIfAbsent(result.host() + "\u0000" + fixText(result), k -> new ArrayList<>()).add(result);
                }
            }
        }
        List<Upgrade> upgrades = new ArrayList<>();
        for (List<WindowsFinding> group : byFix.values()) {
            WindowsFinding first = group.get(0);
            Finding finding = first.toFinding();
            upgrades.add(new Upgrade(first.host(), finding.component(), fixText(first),
                    group.stream().map(WindowsFinding::id).toList(), List.of()));
        }
        return new MatchReport(findings, upgrades, List.of(), hosts, 0, 0);
    }

    /** {@code KB4012212 or KB4012215}, or {@code build 10.0.14393.953 (KB4013429)}. */
    public static String fixText(WindowsFinding finding) {
        String kbs = String.join(" or ", finding.requiredKbs());
        if (finding.fixedBuild() == null) return kbs.isEmpty() ? "no fix available" : kbs;
        return "build " + finding.fixedBuild() + (kbs.isEmpty() ? "" : " (" + kbs + ")");
    }
}
