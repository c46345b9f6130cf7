package org.patchgap.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * FIRST's Exploit Prediction Scoring System score of one CVE on one day: the probability of exploitation
 * activity in the next 30 days, and where that probability ranks among all scored CVEs.
 *
 * @param cve        the CVE id
 * @param score      probability, 0 to 1
 * @param percentile rank among all scored CVEs, 0 to 1
 * @param date       the day the scores were computed ({@code score_date} of the published file)
 */
public record EpssScore(String cve, double score, double percentile, LocalDate date) {

    public EpssScore {
        Objects.requireNonNull(cve, "cve");
        Objects.requireNonNull(date, "date");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("EPSS score must be within 0..1: " + score);
        }
        if (!(percentile >= 0 && percentile <= 1)) {
            throw new IllegalArgumentException("EPSS percentile must be within 0..1: " + percentile);
        }
    }
}
