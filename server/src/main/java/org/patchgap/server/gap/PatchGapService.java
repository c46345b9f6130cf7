package org.patchgap.server.gap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Loads the exposures of a scope (a vulnerability by any alias, a team, the fleet) and computes {@link PatchGap}. */
@Service
public class PatchGapService {

    private final JdbcTemplate jdbc;

    public PatchGapService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PatchGap.Figures figures(@Nullable Long teamId, @Nullable String vulnerability, Instant now,
            @Nullable LocalDate from, @Nullable LocalDate to) {
        // One vulnerability's episodes are found from its alias (the index), not by testing every episode of the fleet:
        // HSQLDB joins in the order written, and an EXISTS per episode was a scan of them all.
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.finding_id, f.target_id, t.name, f.vulnerability_id, e.opened_at, "
                + "e.resolved_at, f.fix_published, f.kev_due FROM ");
        if (vulnerability != null) {
            sql.append("finding_alias fa JOIN finding f ON f.id = fa.finding_id AND fa.alias = ? ");
            args.add(vulnerability);
        } else {
            sql.append("finding f ");
        }
        sql.append("JOIN finding_episode e ON e.finding_id = f.id JOIN target t ON t.id = f.target_id WHERE f.status = 'exposed'");
        if (teamId != null) {
            sql.append(" AND t.team_id = ?");
            args.add(teamId);
        }
        List<Exposure> exposures = jdbc.query(sql.toString(), (rs, i) -> new Exposure(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), Times.instant(rs, "opened_at"), Times.instant(rs, "resolved_at"),
                Times.instant(rs, "fix_published"), rs.getObject(8, LocalDate.class)), args.toArray());
        return PatchGap.of(exposures, now, from, to);
    }
}
