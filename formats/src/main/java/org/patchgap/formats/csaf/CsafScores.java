package org.patchgap.formats.csaf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import org.patchgap.formats.cvss.CvssScores;
import org.patchgap.formats.cvss.InvalidCvssVectorException;

/** CSAF {@code scores[]} entries: the score computed from the vector, so that both agree (mandatory test 6.1.10). */
public final class CsafScores {

    private CsafScores() {}

    /** A CSAF score entry for a CVSS v3 or v2 vector, its score computed from the vector; null for other vectors. */
    public static @Nullable ObjectNode cvss(String vector) {
        double score;
        try {
            Double computed = CvssScores.severity(vector).score();
            if (computed == null) return null;
            score = computed;
        } catch (InvalidCvssVectorException e) {
            return null;
        }
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        if (vector.startsWith("CVSS:3.0/") || vector.startsWith("CVSS:3.1/")) {
            ObjectNode v3 = entry.putObject("cvss_v3");
            v3.put("version", vector.substring(5, 8));
            v3.put("vectorString", vector);
            v3.put("baseScore", score);
            v3.put("baseSeverity", org.patchgap.core.model.SeverityLevel.ofCvssScore(score).name());
            return entry;
        }
        if (vector.startsWith("AV:")) {
            ObjectNode v2 = entry.putObject("cvss_v2");
            v2.put("version", "2.0");
            v2.put("vectorString", vector);
            v2.put("baseScore", score);
            return entry;
        }
        return null; // CVSS v4 has no place in CSAF 2.0
    }
}
