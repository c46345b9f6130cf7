package org.patchgap.server.findings;

import static org.patchgap.server.Times.sql;

import java.util.List;
import org.patchgap.server.Sql;
import org.patchgap.server.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Records decisions about findings: each one kept, the newest the finding's current analysis. */
@Repository
public class FindingAnalyses {

    private final JdbcTemplate jdbc;

    public FindingAnalyses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends {@code analysis} to the finding's decisions and makes it the current one (or none, when withdrawn). */
    @Transactional
    public void record(long findingId, Analysis analysis) {
        long id = Sql.insert(jdbc, "INSERT INTO finding_analysis (finding_id, state, justification, detail, until_date, "
                + "decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)", findingId, analysis.state(),
                analysis.justification(), analysis.detail(), analysis.until(), analysis.decidedBy(),
                sql(analysis.decidedAt()));
        jdbc.update("UPDATE finding SET analysis_id = ? WHERE id = ?", analysis.state().equals("none") ? null : id, findingId);
    }

    /** Every decision about the finding, oldest first. */
    public List<Analysis> history(long findingId) {
        return jdbc.query("SELECT state, justification, detail, until_date, decided_by, decided_at FROM finding_analysis "
                + "WHERE finding_id = ? ORDER BY id", (rs, i) -> new Analysis(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, java.time.LocalDate.class), rs.getString(5),
                Times.instant(rs, "decided_at")), findingId);
    }
}
