package org.patchgap.core.priority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Severity;
import org.patchgap.core.windows.WindowsFinding;

/**
 * Fills CISA's SSVC inputs from what a scan knows about a finding (docs/priority.md has every rule and why):
 *
 * <ul>
 *   <li><b>Exploitation</b>: {@code active} when CISA's KEV catalog lists the CVE; {@code public poc} when its EPSS
 *       probability is at least {@link #EPSS_AS_POC} (we have no exploit database: a high EPSS is our stand-in for
 *       public exploit code); else {@code none}.
 *   <li><b>Automatable</b>: from the CVSS vector (v4.0, else v3.x, else v2): network attack vector, no privileges,
 *       no user interaction (v4 also no attack requirements). A host mitigation that takes the attack path away
 *       (SMBv1 disabled for an SMBv1 flaw) makes it {@code no}. No vector: {@code yes}, said as an assumption.
 *   <li><b>Technical impact</b>: {@code total} when the vector gives high confidentiality and integrity impact
 *       (v2: complete); else {@code partial}. No vector: {@code total}, said as an assumption.
 *   <li><b>Mission and well-being</b>: the target's, which only the user knows: {@code medium} unless set.
 * </ul>
 *
 * Where an input is unknown the value that gives the higher priority is assumed, as SSVC asks for a stated
 * assumption instead of an "unknown" branch, and a scanner should not quietly lower a priority.
 */
public final class Prioritizer {

    /** EPSS probability taken as evidence of a public proof of concept. */
    public static final double EPSS_AS_POC = 0.1;

    private final CisaTree.MissionImpact mission;

    public Prioritizer(CisaTree.MissionImpact mission) {
        this.mission = mission;
    }

    /**
     * @param kev  whether CISA's KEV catalog lists the finding's CVE
     * @param epss the EPSS probability of the finding's CVE, or null when unknown
     */
    public Priority of(Finding finding, boolean kev, @Nullable Double epss) {
        List<String> reasons = new ArrayList<>();
        CisaTree.Exploitation exploitation;
        if (kev) {
            exploitation = CisaTree.Exploitation.ACTIVE;
            reasons.add("exploitation active: in CISA KEV");
        } else if (epss != null && epss >= EPSS_AS_POC) {
            exploitation = CisaTree.Exploitation.PUBLIC_POC;
            reasons.add(String.format(Locale.ROOT, "exploitation public PoC: EPSS %.2f >= %.2f", epss, EPSS_AS_POC));
        } else {
            exploitation = CisaTree.Exploitation.NONE;
            reasons.add("exploitation none: not in KEV" + (epss == null ? ", no EPSS score"
                    : String.format(Locale.ROOT, ", EPSS %.2f", epss)));
        }
        String vectorText = newestVector(finding);
        Map<String, String> vector = vectorText == null ? null : metrics(vectorText);
        boolean automatable;
        boolean total;
        if (vector == null) {
            automatable = true;
            total = true;
            reasons.add("automatable assumed yes, technical impact assumed total: no CVSS vector");
        } else {
            boolean v2 = vector.containsKey("Au");
            automatable = "N".equals(vector.get("AV")) && (v2 ? "N".equals(vector.get("Au"))
                    : "N".equals(vector.get("PR")) && "N".equals(vector.get("UI"))
                    && !"P".equals(vector.get("AT")));
            total = v2 ? "C".equals(vector.get("C")) && "C".equals(vector.get("I"))
                    : "H".equals(vector.getOrDefault("VC", vector.get("C")))
                    && "H".equals(vector.getOrDefault("VI", vector.get("I")));
            reasons.add("automatable " + (automatable ? "yes" : "no") + ", technical impact "
                    + (total ? "total" : "partial") + ": " + vectorText);
        }
        java.util.Optional<String> mitigation = WindowsFinding.mitigationsOf(finding);
        if (mitigation.isPresent() && automatable) {
            automatable = false;
            reasons.add("automatable no: mitigation on the host, " + mitigation.get());
        }
        reasons.add("mission and well-being " + mission.name().toLowerCase(Locale.ROOT)
                + (mission == CisaTree.MissionImpact.MEDIUM ? " (default; --mission-impact sets it)" : " (--mission-impact)"));
        Decision decision = CisaTree.decide(exploitation, automatable, total, mission);
        return new Priority(decision, exploitation, automatable, total, mission, reasons);
    }

    /** The vector of the newest CVSS version the record publishes (v4.0, v3.x, v2), else the finding's own. */
    private static @Nullable String newestVector(Finding finding) {
        for (String type : List.of("CVSS_V4", "CVSS_V3", "CVSS_V2")) {
            for (Severity s : finding.vulnerability().severities()) {
                if (s.vector() != null && s.type().equalsIgnoreCase(type)) return s.vector();
            }
        }
        return finding.severity().vector();
    }

    /** {@code CVSS:3.1/AV:N/AC:L/...} or {@code AV:N/AC:L/Au:N/...} as metric to value. */
    static Map<String, String> metrics(String vector) {
        Map<String, String> out = new HashMap<>();
        for (String part : vector.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0 && !part.startsWith("CVSS")) out.put(part.substring(0, colon), part.substring(colon + 1));
        }
        return out;
    }
}
