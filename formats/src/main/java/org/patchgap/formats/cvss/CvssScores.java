package org.patchgap.formats.cvss;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;
import us.springett.cvss.Cvss;
import us.springett.cvss.MalformedVectorException;

/**
 * Turns a CVSS vector into a {@link Severity}: the vector is checked against its version's grammar, then its base
 * score is computed (v2, v3.0, v3.1) and rated.
 *
 * <p>Ratings: v3.x scores use the v3.1 specification's scale ({@link SeverityLevel#ofCvssScore}); v2 has no
 * scale of its own, so v2 scores use NVD's (low below 4.0, medium below 7.0, high from 7.0; there is no
 * critical and no none in v2). CVSS v4.0 vectors are checked but not scored: the v4.0 score comes from a
 * table of macro-vectors that the calculator library does not implement, so a v4 severity keeps its vector
 * with level {@link SeverityLevel#UNKNOWN} and no score.
 *
 * {@snippet :
 * Severity s = CvssScores.severity("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
 * // s.level() == CRITICAL, s.score() == 9.8, s.type() == "CVSS_V3"
 * }
 */
public final class CvssScores {

    private CvssScores() {}

    /** The version a vector is written in, judged by its prefix; a vector without prefix is v2. */
    public static CvssVersion versionOf(String vector) throws InvalidCvssVectorException {
        return grammarOf(vector).version();
    }

    /**
     * The severity of {@code vector}; its type is the OSV type of the vector's version ({@code CVSS_V3} ...).
     *
     * @throws InvalidCvssVectorException when the vector does not follow its version's grammar
     */
    public static Severity severity(String vector) throws InvalidCvssVectorException {
        CvssGrammar grammar = grammarOf(vector);
        String metrics = vector;
        if (vector.startsWith("CVSS:")) {
            int slash = vector.indexOf('/');
            metrics = slash < 0 ? "" : vector.substring(slash + 1);
        }
        grammar.check(vector, metrics);
        CvssVersion version = grammar.version();
        if (version == CvssVersion.V4_0) {
            return new Severity(SeverityLevel.UNKNOWN, null, vector, version.osvType());
        }
        double score = baseScore(vector);
        SeverityLevel level = version == CvssVersion.V2 ? v2Level(score) : SeverityLevel.ofCvssScore(score);
        return new Severity(level, score, vector, version.osvType());
    }

    private static CvssGrammar grammarOf(String vector) throws InvalidCvssVectorException {
        if (!vector.startsWith("CVSS:")) {
            return CvssGrammar.V2;
        }
        int slash = vector.indexOf('/');
        String prefix = slash < 0 ? vector : vector.substring(0, slash);
        return switch (prefix) {
            case "CVSS:3.0" -> CvssGrammar.V3_0;
            case "CVSS:3.1" -> CvssGrammar.V3_1;
            case "CVSS:4.0" -> CvssGrammar.V4_0;
            default -> throw new InvalidCvssVectorException(vector,
                    "unknown version prefix '" + prefix + "', expected CVSS:3.0, CVSS:3.1, CVSS:4.0 or none (v2)");
        };
    }

    private static double baseScore(String vector) throws InvalidCvssVectorException {
        @Nullable Cvss cvss;
        try {
            cvss = Cvss.fromVector(vector);
        } catch (MalformedVectorException e) {
            throw new InvalidCvssVectorException(vector, e.getMessage().toLowerCase(Locale.ROOT));
        }
        if (cvss == null) {
            throw new InvalidCvssVectorException(vector, "not recognised by the calculator");
        }
        return cvss.calculateScore().getBaseScore();
    }

    /** A vector's base, temporal and environmental scores (the last two equal the base when it sets no such metric). */
    public record Scores(double base, double temporal, double environmental) {}

    /**
     * The three scores of a CVSS v2 or v3.x vector, as the specification computes them.
     *
     * @throws InvalidCvssVectorException when the vector does not follow its grammar, or is v4.0 (not scored)
     */
    public static Scores scores(String vector) throws InvalidCvssVectorException {
        Severity checked = severity(vector);
        if (checked.score() == null) throw new InvalidCvssVectorException(vector, "CVSS v4.0 is not scored");
        us.springett.cvss.Score score;
        try {
            score = Cvss.fromVector(vector).calculateScore();
        } catch (MalformedVectorException e) {
            throw new InvalidCvssVectorException(vector, e.getMessage().toLowerCase(Locale.ROOT));
        }
        return new Scores(score.getBaseScore(), score.getTemporalScore(), score.getEnvironmentalScore());
    }

    /** NVD's rating of CVSS v2 base scores (NVD "Vulnerability Metrics", CVSS v2.0 ratings). */
    static SeverityLevel v2Level(double score) {
        if (score < 4.0) return SeverityLevel.LOW;
        if (score < 7.0) return SeverityLevel.MEDIUM;
        return SeverityLevel.HIGH;
    }
}
