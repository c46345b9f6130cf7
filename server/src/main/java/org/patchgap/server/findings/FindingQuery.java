package org.patchgap.server.findings;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.SeverityLevel;

/**
 * The filters of {@code GET /api/v1/findings}; null means "any".
 *
 * @param teamId        the team the caller is limited to (null for an administrator asking for every team)
 * @param status        {@code open} (default), {@code resolved} or {@code all}
 * @param analysis      {@code none} (no decision in force), {@code any} (one in force), or a state
 *                      ({@code not_affected}, {@code accepted_risk}, {@code false_positive}) in force; null: any
 */
public record FindingQuery(
        @Nullable Long teamId,
        @Nullable String target,
        @Nullable String vulnerability,
        List<SeverityLevel> severities,
        @Nullable SeverityLevel minSeverity,
        @Nullable Boolean kev,
        String status,
        int page,
        int size,
        String sort,
        @Nullable String analysis) {

    /** The same filters and order, another page. */
    public FindingQuery page(int number, int pageSize) {
        return new FindingQuery(teamId, target, vulnerability, severities, minSeverity, kev, status, number, pageSize,
                sort, analysis);
    }

    public FindingQuery(@Nullable Long teamId, @Nullable String target, @Nullable String vulnerability,
            List<SeverityLevel> severities, @Nullable SeverityLevel minSeverity, @Nullable Boolean kev, String status,
            int page, int size, String sort) {
        this(teamId, target, vulnerability, severities, minSeverity, kev, status, page, size, sort, null);
    }

    /** The orders a list can be sorted in, each with a stable tie-break. */
    public static final java.util.Map<String, String> SORTS = java.util.Map.of(
            "severity", "f.severity_rank DESC, f.kev DESC, f.first_seen, t.name, f.finding_key",
            "age", "f.first_seen, f.severity_rank DESC, t.name, f.finding_key",
            "newest", "f.first_seen DESC, f.severity_rank DESC, t.name, f.finding_key",
            "epss", "f.epss DESC NULLS LAST, f.severity_rank DESC, t.name, f.finding_key",
            "target", "t.name, f.severity_rank DESC, f.finding_key",
            "kev", "f.kev DESC, f.kev_due NULLS LAST, f.severity_rank DESC, t.name, f.finding_key");

    public FindingQuery(@Nullable Long teamId, @Nullable String target, @Nullable String vulnerability,
            List<SeverityLevel> severities, @Nullable SeverityLevel minSeverity, @Nullable Boolean kev, String status,
            int page, int size) {
        this(teamId, target, vulnerability, severities, minSeverity, kev, status, page, size, "severity");
    }
}
