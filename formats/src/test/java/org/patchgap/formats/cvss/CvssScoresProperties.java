package org.patchgap.formats.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.patchgap.core.model.Severity;
import org.patchgap.core.model.SeverityLevel;

/** Properties of every CVSS v3.1 base vector, over the whole metric space (2,592 vectors). */
class CvssScoresProperties {

    private static final String[] AV = {"P", "L", "A", "N"};
    private static final String[] AC = {"H", "L"};
    private static final String[] PR = {"H", "L", "N"};
    private static final String[] UI = {"R", "N"};
    private static final String[] S = {"U", "C"};
    private static final String[] CIA = {"N", "L", "H"};

    private static String vector(int av, int ac, int pr, int ui, int s, int c, int i, int a) {
        return "CVSS:3.1/AV:" + AV[av] + "/AC:" + AC[ac] + "/PR:" + PR[pr] + "/UI:" + UI[ui] + "/S:" + S[s]
                + "/C:" + CIA[c] + "/I:" + CIA[i] + "/A:" + CIA[a];
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyBaseVectorScoresBetweenZeroAndTenAndIsRatedByItsScore(
            @ForAll @IntRange(max = 3) int av, @ForAll @IntRange(max = 1) int ac, @ForAll @IntRange(max = 2) int pr,
            @ForAll @IntRange(max = 1) int ui, @ForAll @IntRange(max = 1) int s, @ForAll @IntRange(max = 2) int c,
            @ForAll @IntRange(max = 2) int i, @ForAll @IntRange(max = 2) int a) throws Exception {
        Severity severity = CvssScores.severity(vector(av, ac, pr, ui, s, c, i, a));
        assertThat(severity.score()).isBetween(0.0, 10.0);
        assertThat(severity.level()).isEqualTo(SeverityLevel.ofCvssScore(severity.score()));
        // No impact at all scores 0 (v3.1 section 7.1: "if Impact <= 0 then 0").
        assertThat(severity.score() == 0.0).isEqualTo(c == 0 && i == 0 && a == 0);
    }

    /** Raising one exploitability or impact metric one step never lowers the base score. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void theScoreIsMonotoneInEveryMetric(
            @ForAll @IntRange(max = 3) int av, @ForAll @IntRange(max = 1) int ac, @ForAll @IntRange(max = 2) int pr,
            @ForAll @IntRange(max = 1) int ui, @ForAll @IntRange(max = 1) int s, @ForAll @IntRange(max = 2) int c,
            @ForAll @IntRange(max = 2) int i, @ForAll @IntRange(max = 2) int a) throws Exception {
        double score = score(vector(av, ac, pr, ui, s, c, i, a));
        if (av < 3) assertThat(score(vector(av + 1, ac, pr, ui, s, c, i, a))).isGreaterThanOrEqualTo(score);
        if (ac < 1) assertThat(score(vector(av, ac + 1, pr, ui, s, c, i, a))).isGreaterThanOrEqualTo(score);
        if (pr < 2) assertThat(score(vector(av, ac, pr + 1, ui, s, c, i, a))).isGreaterThanOrEqualTo(score);
        if (ui < 1) assertThat(score(vector(av, ac, pr, ui + 1, s, c, i, a))).isGreaterThanOrEqualTo(score);
        if (c < 2) assertThat(score(vector(av, ac, pr, ui, s, c + 1, i, a))).isGreaterThanOrEqualTo(score);
        if (i < 2) assertThat(score(vector(av, ac, pr, ui, s, c, i + 1, a))).isGreaterThanOrEqualTo(score);
        if (a < 2) assertThat(score(vector(av, ac, pr, ui, s, c, i, a + 1))).isGreaterThanOrEqualTo(score);
    }

    private static double score(String vector) throws Exception {
        return CvssScores.severity(vector).score();
    }
}
