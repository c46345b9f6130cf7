package org.patchgap.formats.csaf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names FIRST's CVSS JSON schemas (v2.0, v3.x) give the metrics of a vector and their values, for CSAF's test
 * 6.1.10: a property must not contradict the vector ({@code AV:N} is {@code "attackVector": "NETWORK"}).
 */
final class CvssProperties {

    private CvssProperties() {}

    /** v3.x: metric abbreviation to (vector value to property value); a metric left out of a vector is {@code X}. */
    static final Map<String, Map<String, String>> V3 = new LinkedHashMap<>();
    /** v2: as {@link #V3}; a temporal or environmental metric left out is {@code ND}. */
    static final Map<String, Map<String, String>> V2 = new LinkedHashMap<>();

    private static final Map<String, String> V3_NAMES = new LinkedHashMap<>();
    private static final Map<String, String> V2_NAMES = new LinkedHashMap<>();

    static {
        Map<String, String> av = values("N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL");
        Map<String, String> lowHigh = values("L", "LOW", "H", "HIGH");
        Map<String, String> noneLowHigh = values("N", "NONE", "L", "LOW", "H", "HIGH");
        Map<String, String> ui = values("N", "NONE", "R", "REQUIRED");
        Map<String, String> scope = values("U", "UNCHANGED", "C", "CHANGED");
        v3("AV", "attackVector", av);
        v3("AC", "attackComplexity", lowHigh);
        v3("PR", "privilegesRequired", noneLowHigh);
        v3("UI", "userInteraction", ui);
        v3("S", "scope", scope);
        v3("C", "confidentialityImpact", noneLowHigh);
        v3("I", "integrityImpact", noneLowHigh);
        v3("A", "availabilityImpact", noneLowHigh);
        v3("E", "exploitCodeMaturity", withX(values("U", "UNPROVEN", "P", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH")));
        v3("RL", "remediationLevel", withX(values("O", "OFFICIAL_FIX", "T", "TEMPORARY_FIX", "W", "WORKAROUND", "U", "UNAVAILABLE")));
        v3("RC", "reportConfidence", withX(values("U", "UNKNOWN", "R", "REASONABLE", "C", "CONFIRMED")));
        Map<String, String> requirement = withX(values("L", "LOW", "M", "MEDIUM", "H", "HIGH"));
        v3("CR", "confidentialityRequirement", requirement);
        v3("IR", "integrityRequirement", requirement);
        v3("AR", "availabilityRequirement", requirement);
        v3("MAV", "modifiedAttackVector", withX(av));
        v3("MAC", "modifiedAttackComplexity", withX(lowHigh));
        v3("MPR", "modifiedPrivilegesRequired", withX(noneLowHigh));
        v3("MUI", "modifiedUserInteraction", withX(ui));
        v3("MS", "modifiedScope", withX(scope));
        v3("MC", "modifiedConfidentialityImpact", withX(noneLowHigh));
        v3("MI", "modifiedIntegrityImpact", withX(noneLowHigh));
        v3("MA", "modifiedAvailabilityImpact", withX(noneLowHigh));

        Map<String, String> impact = values("N", "NONE", "P", "PARTIAL", "C", "COMPLETE");
        v2("AV", "accessVector", values("L", "LOCAL", "A", "ADJACENT_NETWORK", "N", "NETWORK"));
        v2("AC", "accessComplexity", values("H", "HIGH", "M", "MEDIUM", "L", "LOW"));
        v2("Au", "authentication", values("M", "MULTIPLE", "S", "SINGLE", "N", "NONE"));
        v2("C", "confidentialityImpact", impact);
        v2("I", "integrityImpact", impact);
        v2("A", "availabilityImpact", impact);
        v2("E", "exploitability", values("U", "UNPROVEN", "POC", "PROOF_OF_CONCEPT", "F", "FUNCTIONAL", "H", "HIGH", "ND", "NOT_DEFINED"));
        v2("RL", "remediationLevel", values("OF", "OFFICIAL_FIX", "TF", "TEMPORARY_FIX", "W", "WORKAROUND", "U", "UNAVAILABLE", "ND", "NOT_DEFINED"));
        v2("RC", "reportConfidence", values("UC", "UNCONFIRMED", "UR", "UNCORROBORATED", "C", "CONFIRMED", "ND", "NOT_DEFINED"));
        v2("CDP", "collateralDamagePotential", values("N", "NONE", "L", "LOW", "LM", "LOW_MEDIUM", "MH", "MEDIUM_HIGH", "H", "HIGH", "ND", "NOT_DEFINED"));
        v2("TD", "targetDistribution", values("N", "NONE", "L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED"));
        Map<String, String> v2Requirement = values("L", "LOW", "M", "MEDIUM", "H", "HIGH", "ND", "NOT_DEFINED");
        v2("CR", "confidentialityRequirement", v2Requirement);
        v2("IR", "integrityRequirement", v2Requirement);
        v2("AR", "availabilityRequirement", v2Requirement);
    }

    static String propertyOf(String metric, boolean v3) {
        return (v3 ? V3_NAMES : V2_NAMES).get(metric);
    }

    private static void v3(String metric, String property, Map<String, String> values) {
        V3.put(metric, values);
        V3_NAMES.put(metric, property);
    }

    private static void v2(String metric, String property, Map<String, String> values) {
        V2.put(metric, values);
        V2_NAMES.put(metric, property);
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    private static Map<String, String> withX(Map<String, String> values) {
        Map<String, String> map = new LinkedHashMap<>(values);
        map.put("X", "NOT_DEFINED");
        return map;
    }
}
