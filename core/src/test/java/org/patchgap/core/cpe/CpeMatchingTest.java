package org.patchgap.core.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NISTIR 7696: the attribute comparison table (Table 6-2), wildcard strings and the name-level tests. */
class CpeMatchingTest {

    /** Values written as in a formatted string: '*' ANY, '-' NA, anything else a string. */
    @ParameterizedTest(name = "row {0}: source {1} vs target {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1  | *      | *        | EQUAL
            2  | *      | -        | SUPERSET
            3  | *      | beta     | SUPERSET
            4  | *      | sp?      | UNDEFINED
            5  | -      | *        | SUBSET
            6  | -      | -        | EQUAL
            7  | -      | beta     | DISJOINT
            8  | -      | 8.*      | UNDEFINED
            9  | beta   | *        | SUBSET
            10 | beta   | -        | DISJOINT
            11 | beta   | beta     | EQUAL
            12 | beta   | gamma    | DISJOINT
            13 | beta   | *beta    | UNDEFINED
            14 | 8.*    | *        | SUBSET
            15 | 8.*    | -        | DISJOINT
            16 | 8.*    | 8.0.6001 | SUPERSET
            16 | 8.*    | 7.0      | DISJOINT
            17 | 8.*    | 8.?      | UNDEFINED
            """)
    void attributeComparisonTable(int row, String source, String target, CpeRelation expected) throws Exception {
        assertThat(CpeMatching.compare(value(source), value(target))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sp?       | sp1       | SUPERSET
            sp?       | sp        | SUPERSET
            sp?       | sp12      | DISJOINT
            sp??      | sp12      | SUPERSET
            ?p1       | sp1       | SUPERSET
            ?p1       | xsp1      | DISJOINT
            *p1       | xxsp1     | SUPERSET
            *1.0      | 11.0      | SUPERSET
            1.*       | 1.0.2     | SUPERSET
            1.*       | 10.0      | DISJOINT
            *debug*   | x_debug_y | SUPERSET
            BETA      | beta      | EQUAL
            8.*       | 8.0       | SUPERSET
            ?         | a         | SUPERSET
            ?         | ab        | DISJOINT
            ??        | ab        | SUPERSET
            """)
    void wildcardsAndCase(String source, String target, CpeRelation expected) throws Exception {
        assertThat(CpeMatching.compare(value(source), value(target))).isEqualTo(expected);
    }

    @Test
    void quotedPunctuationCountsAsOneCharacter() throws Exception {
        // '?' stands for one character: the quoted '$' of the target is one, not two.
        assertThat(CpeMatching.compare(value("big?"), value("big\\$"))).isEqualTo(CpeRelation.SUPERSET);
        assertThat(CpeMatching.compare(value("?money"), value("\\$money"))).isEqualTo(CpeRelation.SUPERSET);
        assertThat(CpeMatching.compare(value("big\\$*"), value("big\\$money"))).isEqualTo(CpeRelation.SUPERSET);
    }

    @Test
    void sourceMatchesTargetWhenSupersetOrEqual() throws Exception {
        CpeName criteria = CpeName.parse("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*");
        CpeName installed = CpeName.parse("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:sp1:*:*:*:*:*:*");
        assertThat(CpeMatching.matches(criteria, installed)).isTrue();
        assertThat(CpeMatching.superset(criteria, installed)).isTrue();
        assertThat(CpeMatching.subset(installed, criteria)).isFalse(); // the target has wildcards: undefined
        assertThat(CpeMatching.matches(installed, criteria)).isFalse();
        assertThat(CpeMatching.equal(installed, installed)).isTrue();
        assertThat(CpeMatching.disjoint(criteria, installed)).isFalse();
    }

    @Test
    void moreSpecificSourceDoesNotMatchALooserTarget() throws Exception {
        CpeName criteria = CpeName.parse("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*");
        CpeName anyUpdate = CpeName.parse("cpe:/a:hp:insight_diagnostics:7.4.0.1570");
        assertThat(CpeMatching.matches(criteria, anyUpdate)).isFalse();
        assertThat(CpeMatching.subset(criteria, anyUpdate)).isTrue();
        assertThat(CpeMatching.matches(anyUpdate, criteria)).isTrue();
    }

    @Test
    void differentProductsAreDisjoint() throws Exception {
        CpeName a = CpeName.parse("cpe:2.3:a:apache:http_server:*:*:*:*:*:*:*:*");
        CpeName b = CpeName.parse("cpe:2.3:a:apache:tomcat:9.0.1:*:*:*:*:*:*:*");
        assertThat(CpeMatching.disjoint(a, b)).isTrue();
        assertThat(CpeMatching.matches(a, b)).isFalse();
    }

    @Test
    void bindingsDoNotMatter() throws Exception {
        CpeName uri = CpeName.parse("cpe:/a:Apache:HTTP_Server:2.4.49");
        CpeName fs = CpeName.parse("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
        assertThat(CpeMatching.equal(uri, fs)).isTrue();
    }

    private static CpeValue value(String formatted) throws MalformedCpeException {
        return CpeName.parse("cpe:2.3:a:v:p:" + formatted + ":*:*:*:*:*:*:*").version();
    }
}
