package org.patchgap.server.findings;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.SeverityLevel;

/**
 * The filters of {@code GET /api/v1/findings}; null means "any".
 *
 * @param teamId        the team the caller is limited to (null for an administrator asking for every team)
 * @param status        {@code open} (default), {@code resolved} or {@code all}
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
        int size) {}
