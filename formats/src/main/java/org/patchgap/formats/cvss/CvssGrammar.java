package org.patchgap.formats.cvss;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric names and values each CVSS version allows, and the check of a vector against them. The calculator
 * library is lenient (it lets a repeated metric overwrite the first, and ignores a trailing {@code /}), so a
 * vector is checked here first: every segment is {@code NAME:VALUE} with a known name and value, no metric
 * repeats, and every base metric is present. Metric order is not checked: CVSS v3.x allows any order, and
 * publishers of v2 and v4 vectors do not all keep the recommended one.
 */
final class CvssGrammar {

    private final CvssVersion version;
    private final Map<String, List<String>> metrics;
    private final List<String> base;

    private CvssGrammar(CvssVersion version, Map<String, List<String>> metrics, List<String> base) {
        this.version = version;
        this.metrics = metrics;
        this.base = base;
    }

    /** CVSS v2 guide, section 3.2 (vector), with temporal and environmental metrics. */
    static final CvssGrammar V2 = new CvssGrammar(CvssVersion.V2, table(
            "AV", "L A N", "AC", "H M L", "Au", "M S N", "C", "N P C", "I", "N P C", "A", "N P C",
            "E", "U POC F H ND", "RL", "OF TF W U ND", "RC", "UC UR C ND",
            "CDP", "N L LM MH H ND", "TD", "N L M H ND", "CR", "L M H ND", "IR", "L M H ND", "AR", "L M H ND"),
            List.of("AV", "AC", "Au", "C", "I", "A"));

    /** CVSS v3.0 and v3.1 specifications, section 6 (vector string), table of metric values. */
    static final Map<String, List<String>> V3_METRICS = table(
            "AV", "N A L P", "AC", "L H", "PR", "N L H", "UI", "N R", "S", "U C", "C", "N L H", "I", "N L H",
            "A", "N L H", "E", "X U P F H", "RL", "X O T W U", "RC", "X U R C",
            "CR", "X L M H", "IR", "X L M H", "AR", "X L M H", "MAV", "X N A L P", "MAC", "X L H",
            "MPR", "X N L H", "MUI", "X N R", "MS", "X U C", "MC", "X N L H", "MI", "X N L H", "MA", "X N L H");

    static final List<String> V3_BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");

    static final CvssGrammar V3_0 = new CvssGrammar(CvssVersion.V3_0, V3_METRICS, V3_BASE);
    static final CvssGrammar V3_1 = new CvssGrammar(CvssVersion.V3_1, V3_METRICS, V3_BASE);

    /** CVSS v4.0 specification, section 7 (vector string): base, threat, environmental, supplemental. */
    static final CvssGrammar V4_0 = new CvssGrammar(CvssVersion.V4_0, table(
            "AV", "N A L P", "AC", "L H", "AT", "N P", "PR", "N L H", "UI", "N P A",
            "VC", "H L N", "VI", "H L N", "VA", "H L N", "SC", "H L N", "SI", "H L N", "SA", "H L N",
            "E", "X A P U", "CR", "X H M L", "IR", "X H M L", "AR", "X H M L",
            "MAV", "X N A L P", "MAC", "X L H", "MAT", "X N P", "MPR", "X N L H", "MUI", "X N P A",
            "MVC", "X H L N", "MVI", "X H L N", "MVA", "X H L N", "MSC", "X H L N", "MSI", "X S H L N",
            "MSA", "X S H L N", "S", "X N P", "AU", "X N Y", "R", "X A U I", "V", "X D C", "RE", "X L M H",
            "U", "X Clear Green Amber Red"),
            List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"));

    CvssVersion version() {
        return version;
    }

    /**
     * Checks the metrics part of a vector (after any {@code CVSS:x.y/} prefix).
     *
     * @param vector  the whole vector, for the message
     * @param metricsPart the {@code NAME:VALUE/...} part
     */
    void check(String vector, String metricsPart) throws InvalidCvssVectorException {
        if (metricsPart.isEmpty()) {
            throw new InvalidCvssVectorException(vector, "no metrics");
        }
        Map<String, String> seen = new HashMap<>();
        for (String segment : metricsPart.split("/", -1)) {
            int colon = segment.indexOf(':');
            if (colon <= 0 || colon == segment.length() - 1) {
                throw new InvalidCvssVectorException(vector,
                        "segment '" + segment + "' is not NAME:VALUE");
            }
            String name = segment.substring(0, colon);
            String value = segment.substring(colon + 1);
            List<String> allowed = metrics.get(name);
            if (allowed == null) {
                throw new InvalidCvssVectorException(vector, "unknown metric '" + name + "' for " + label());
            }
            if (!allowed.contains(value)) {
                throw new InvalidCvssVectorException(vector,
                        "metric " + name + " has value '" + value + "', expected one of " + allowed);
            }
            if (seen.put(name, value) != null) {
                throw new InvalidCvssVectorException(vector, "metric " + name + " appears twice");
            }
        }
        for (String metric : base) {
            if (!seen.containsKey(metric)) {
                throw new InvalidCvssVectorException(vector, "base metric " + metric + " is missing");
            }
        }
    }

    private String label() {
        return switch (version) {
            case V2 -> "CVSS v2";
            case V3_0 -> "CVSS v3.0";
            case V3_1 -> "CVSS v3.1";
            case V4_0 -> "CVSS v4.0";
        };
    }

    /** Pairs of metric name and its space-separated values, in the specification's order. */
    private static Map<String, List<String>> table(String... pairs) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], List.of(pairs[i + 1].split(" ")));
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
