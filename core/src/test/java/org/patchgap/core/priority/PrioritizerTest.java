package org.patchgap.core.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Finding;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;

class PrioritizerTest {

    /** CVE-2017-0144 (MS17-010, EternalBlue) as NVD scores it. */
    private static final String ETERNALBLUE = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private final Prioritizer medium = new Prioritizer(CisaTree.MissionImpact.MEDIUM);

    @Test
    void aKevListedWormableFlawIsAct() {
        Priority p = medium.of(finding(ETERNALBLUE, "EXPOSED: no KB installed"), true, 0.94);
        assertThat(p.decision()).isEqualTo(Decision.ACT);
        assertThat(p.vector()).isEqualTo("E:A/A:Y/T:T/M:M");
        assertThat(p.reasons()).containsExactly("exploitation active: in CISA KEV",
                "automatable yes, technical impact total: " + ETERNALBLUE,
                "mission and well-being medium (default; --mission-impact sets it)");
    }

    @Test
    void theSameWithSmbV1DisabledIsAttendAndSaysWhy() {
        Priority p = medium.of(finding(ETERNALBLUE,
                "EXPOSED: no KB installed; mitigations: SMBv1 server disabled (smb1.server=disabled)"), true, 0.94);
        assertThat(p.decision()).isEqualTo(Decision.ATTEND);
        assertThat(p.reasons()).contains(
                "automatable no: mitigation on the host, SMBv1 server disabled (smb1.server=disabled)");
    }

    @Test
    void epssStandsInForAProofOfConceptAndMissionRaisesIt() {
        Finding f = finding("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "range");
        assertThat(medium.of(f, false, 0.35).decision()).isEqualTo(Decision.TRACK_STAR);
        assertThat(medium.of(f, false, 0.35).reasons().get(0)).isEqualTo("exploitation public PoC: EPSS 0.35 >= 0.10");
        assertThat(new Prioritizer(CisaTree.MissionImpact.HIGH).of(f, false, 0.35).decision()).isEqualTo(Decision.ATTEND);
        assertThat(medium.of(f, false, 0.02).decision()).isEqualTo(Decision.TRACK);
    }

    @Test
    void cvssVersionsAndUnknownVectors() {
        // v2: network, no authentication, complete C and I.
        assertThat(medium.of(finding("AV:N/AC:L/Au:N/C:C/I:C/A:C", "r"), true, null).vector()).isEqualTo("E:A/A:Y/T:T/M:M");
        // v4: attack requirements present: not automatable; low integrity: partial.
        assertThat(medium.of(finding("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N", "r"), true,
                null).vector()).isEqualTo("E:A/A:N/T:P/M:M");
        // Local attack vector: not automatable.
        assertThat(medium.of(finding("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "r"), true, null).decision())
                .isEqualTo(Decision.ATTEND);
        Priority unknown = medium.of(finding(null, "r"), false, null);
        assertThat(unknown.vector()).isEqualTo("E:N/A:Y/T:T/M:M");
        assertThat(unknown.reasons()).contains("automatable assumed yes, technical impact assumed total: no CVSS vector");
    }

    private static Finding finding(String vector, String evidence) {
        String type = vector == null ? "none" : vector.startsWith("CVSS:4") ? "CVSS_V4"
                : vector.startsWith("CVSS:3") ? "CVSS_V3" : "CVSS_V2";
        Severity severity = vector == null ? Severity.UNKNOWN : new Severity(SeverityLevel.HIGH, 8.1, vector, type);
        Vulnerability v = new Vulnerability("CVE-2017-0144", List.of(), null, null, null, null,
                vector == null ? List.of() : List.of(severity), List.of(), List.of(), "test");
        return new Finding("host", new Component("Windows", "Windows 7", "6.1.7601", null, Location.of("x")), v,
                severity, evidence, List.of("KB4012212"), true);
    }
}
