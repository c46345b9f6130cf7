package org.patchgap.formats.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CweIdsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "CWE-79, CWE-79",
            "cwe-79, CWE-79",
            "' CWE-0079 ', CWE-79",
            "CWE-1321, CWE-1321",
            "NVD-CWE-Other, null",
            "NVD-CWE-noinfo, null",
            "CWE-, null",
            "CWE-0, null",
            "79, null",
            "CWE-79a, null",
            "null, null"})
    void spellingsOfOneIdBecomeOne(String text, String expected) {
        assertThat(CweIds.normalize(text)).isEqualTo(expected);
    }
}
