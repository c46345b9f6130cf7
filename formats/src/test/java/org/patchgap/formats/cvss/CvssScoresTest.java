package org.patchgap.formats.cvss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;

class CvssScoresTest {

    /** Scores published by FIRST (v3.1 examples document) and NVD (v2) for these vectors. */
    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # Heartbleed, CVE-2014-0160 (FIRST v3.1 examples)
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N       | 7.5  | HIGH     | CVSS_V3
            # phpMyAdmin reflected XSS, CVE-2013-1937 (FIRST v3.1 examples)
            CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N       | 6.1  | MEDIUM   | CVSS_V3
            # Shellshock, CVE-2014-6271
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H       | 9.8  | CRITICAL | CVSS_V3
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H       | 10.0 | CRITICAL | CVSS_V3
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N       | 0.0  | NONE     | CVSS_V3
            # Metrics in another order are allowed by CVSS v3.x; temporal metrics do not change the base score
            CVSS:3.1/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/S:U/E:U   | 9.8  | CRITICAL | CVSS_V3
            # v2 has no critical: NVD rates 7.0 to 10.0 high
            AV:N/AC:L/Au:N/C:C/I:C/A:C                         | 10.0 | HIGH     | CVSS_V2
            AV:N/AC:L/Au:N/C:P/I:P/A:P                         | 7.5  | HIGH     | CVSS_V2
            AV:N/AC:M/Au:N/C:N/I:P/A:N                         | 4.3  | MEDIUM   | CVSS_V2
            AV:L/AC:L/Au:N/C:P/I:N/A:N                         | 2.1  | LOW      | CVSS_V2
            AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:C        | 7.5  | HIGH     | CVSS_V2
            """)
    void scoresAndRates(String vector, double score, SeverityLevel level, String type) throws Exception {
        assertThat(CvssScores.severity(vector)).isEqualTo(new Severity(level, score, vector, type));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N
            CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:N/SA:N/E:P/MSI:S/U:Amber
            """)
    void v4VectorsAreCheckedButNotScored(String vector) throws Exception {
        assertThat(CvssScores.severity(vector)).isEqualTo(new Severity(SeverityLevel.UNKNOWN, null, vector, "CVSS_V4"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L | metric A appears twice
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/    | segment '' is not NAME:VALUE
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H         | base metric A is missing
            CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H     | metric AV has value 'X', expected one of [N, A, L, P]
            CVSS:3.1/AV:N/AC:L/Au:N/C:P/I:P/A:P              | unknown metric 'Au' for CVSS v3.1
            CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H     | unknown version prefix 'CVSS:3.2', expected CVSS:3.0, CVSS:3.1, CVSS:4.0 or none (v2)
            CVSS:3.1                                         | no metrics
            AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H              | unknown metric 'PR' for CVSS v2
            (AV:N/AC:L/Au:N/C:P/I:P/A:P)                     | unknown metric '(AV' for CVSS v2
            garbage                                          | segment 'garbage' is not NAME:VALUE
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H | base metric SC is missing
            # S (safety) is a value of the modified MSI and MSA only
            CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N | metric SI has value 'S', expected one of [H, L, N]
            """)
    void rejectsMalformedVectors(String vector, String reason) {
        assertThatThrownBy(() -> CvssScores.severity(vector))
                .isInstanceOf(InvalidCvssVectorException.class)
                .hasMessage("invalid CVSS vector '" + vector + "': " + reason);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AV:N/AC:L/Au:N/C:P/I:P/A:P                    | V2
            CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H  | V3_0
            CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H  | V3_1
            CVSS:4.0/AV:N                                 | V4_0
            """)
    void versionComesFromThePrefix(String vector, CvssVersion version) throws Exception {
        assertThat(CvssScores.versionOf(vector)).isEqualTo(version);
    }
}
