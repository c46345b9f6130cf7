package org.patchgap.server.disclosure;

import static org.patchgap.server.Times.sql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.server.Sql;
import org.patchgap.server.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only log of a case: who did what, when. The server only inserts into {@code case_audit}
 * ({@code AuditLogIsAppendOnlyTest} holds every other statement on it out of the code); each entry's hash covers
 * its fields and the hash before it, so an entry changed or deleted in the database shows as a broken chain when
 * the log is read.
 */
@Repository
public class CaseAudit {

    static final String GENESIS = "0".repeat(64);

    /** One entry. */
    public record Entry(int seq, Instant at, String who, String party, String action, String detail, String hash) {}

    /** The log and whether its chain holds; {@code brokenAt} is the first entry that does not follow from the one before. */
    public record Log(List<Entry> entries, boolean intact, @Nullable Integer brokenAt) {}

    private final JdbcTemplate jdbc;

    public CaseAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an entry. The caller holds the case's row lock (one writer per case), so sequence numbers do not race. */
    public void append(long caseId, Instant at, String who, Party party, String action, String detail) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        List<Object[]> last = jdbc.query("SELECT seq, entry_hash FROM case_audit WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getString(2)}, caseId);
        int seq = last.isEmpty() ? 1 : (Integer) last.get(0)[0] + 1;
        String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        String hash = hash(prev, seq, when, who, party.code(), action, detail);
        jdbc.update("INSERT INTO case_audit (case_id, seq, logged_at, who, party, action, detail, prev_hash, entry_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, seq, sql(when), who, party.code(), action, detail, prev, hash);
    }

    public Log read(long caseId) {
        List<Object[]> rows = jdbc.query("SELECT seq, logged_at, who, party, action, detail, prev_hash, entry_hash FROM case_audit "
                + "WHERE case_id = ? ORDER BY seq", (rs, i) -> new Object[] {rs.getInt(1), Times.instant(rs, "logged_at"),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)}, caseId);
        String prev = GENESIS;
        Integer broken = null;
        List<Entry> entries = new java.util.ArrayList<>();
        int expectedSeq = 1;
        for (Object[] r : rows) {
            int seq = (Integer) r[0];
            Instant at = (Instant) r[1];
            String recomputed = hash(prev, seq, at, (String) r[2], (String) r[3], (String) r[4], (String) r[5]);
            if (broken == null && (seq != expectedSeq || !prev.equals(r[6]) || !recomputed.equals(r[7]))) broken = seq;
            entries.add(new Entry(seq, at, (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[7]));
            prev = (String) r[7];
            expectedSeq = seq + 1;
        }
        return new Log(entries, broken == null, broken);
    }

    static String hash(String prev, int seq, Instant at, String who, String party, String action, String detail) {
        return Sql.sha256(String.join("\n", prev, Integer.toString(seq), at.toString(), who, party, action, detail));
    }
}
