package org.patchgap.server.disclosure;

import static org.patchgap.server.Times.sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embargo's clock, checked every hour: reminders to every participant as the publication date comes near
 * ({@code patchgap.disclosure.reminder-days}, default 14, 7 and 1 days before), an alert to the coordinators once
 * the date has passed unpublished, and an alert to coordinators and vendor when an invited vendor has not answered in
 * {@code patchgap.disclosure.vendor-silence-days} (default 14). Each is sent once ({@code case_reminder}); moving
 * the embargo starts its reminders afresh.
 */
@Service
public class EmbargoWatch {

    static final String SCHEDULER = "patchgap scheduler";

    private final JdbcTemplate jdbc;
    private final Cases cases;
    private final CaseAudit audit;
    private final CaseNotifications notify;
    private final Clock clock;
    private final List<Integer> reminderDays;
    private final int vendorSilenceDays;

    public EmbargoWatch(JdbcTemplate jdbc, Cases cases, CaseAudit audit, CaseNotifications notify, Clock clock,
            @Value("${patchgap.disclosure.reminder-days:14,7,1}") String reminderDays,
            @Value("${patchgap.disclosure.vendor-silence-days:14}") int vendorSilenceDays) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.notify = notify;
        this.clock = clock;
        this.reminderDays = Arrays.stream(reminderDays.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).sorted().toList();
        this.vendorSilenceDays = vendorSilenceDays;
    }

    @Scheduled(fixedDelayString = "${patchgap.disclosure.check-ms:3600000}",
            initialDelayString = "${patchgap.disclosure.check-initial-ms:60000}")
    public void check() {
        check(clock.instant());
    }

    /** Sends what is due at {@code now}; returns how many reminders and alerts went out. */
    @Transactional
    public int check(Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        int sent = 0;
        List<Long> accepted = jdbc.queryForList("SELECT id FROM disclosure_case WHERE state = 'accepted' ORDER BY id FOR UPDATE",
                Long.class);
        for (long id : accepted) {
            DisclosureCase c = cases.load(id);
            Party coordinators = Party.coordinator(c.coordinatorTeamId());
            long daysLeft = ChronoUnit.DAYS.between(today, c.embargoUntil());
            if (daysLeft < 0) {
                if (once(id, "embargo-passed", now)) {
                    audit.append(id, now, SCHEDULER, coordinators, "embargo passed", "embargo ended " + c.embargoUntil()
                            + " unpublished");
                    notify.tell(c, "case.embargo_passed", "the embargo ended " + c.embargoUntil() + " and nothing is published",
                            CaseNotifications.Audience.coordinatorsOnly(), now);
                    sent++;
                }
            } else {
                List<Integer> due = reminderDays.stream().filter(d -> daysLeft <= d).toList();
                boolean anyNew = false;
                for (int d : due) anyNew |= once(id, "embargo-" + d, now);
                if (anyNew) {
                    audit.append(id, now, SCHEDULER, coordinators, "embargo reminder", daysLeft + " days left, until " + c.embargoUntil());
                    notify.tell(c, "case.embargo_reminder", daysLeft + " days to the embargo's end (" + c.embargoUntil() + ")",
                            CaseNotifications.Audience.everyone(cases.vendorTeams(c)), now);
                    sent++;
                }
            }
            Instant silentBefore = now.minus(Duration.ofDays(vendorSilenceDays));
            List<Long> silent = jdbc.queryForList("SELECT team_id FROM case_vendor WHERE case_id = ? AND status = 'unknown' "
                    + "AND answered_at IS NULL AND silence_told_at IS NULL AND invited_at <= ? ORDER BY team_id", Long.class, id,
                    sql(silentBefore));
            for (long team : silent) {
                jdbc.update("UPDATE case_vendor SET silence_told_at = ? WHERE case_id = ? AND team_id = ?", sql(now), id, team);
                String name = jdbc.queryForObject("SELECT name FROM team WHERE id = ?", String.class, team);
                audit.append(id, now, SCHEDULER, coordinators, "vendor silent", name + ": no answer in " + vendorSilenceDays + " days");
                notify.tell(c, "case.vendor_silent", name + " has not answered in " + vendorSilenceDays + " days",
                        new CaseNotifications.Audience(true, List.of(team), false), now);
                sent++;
            }
        }
        return sent;
    }

    private boolean once(long caseId, String kind, Instant at) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_reminder WHERE case_id = ? AND kind = ?", Integer.class,
                caseId, kind);
        if (n != null && n > 0) return false;
        jdbc.update("INSERT INTO case_reminder (case_id, kind, sent_at) VALUES (?, ?, ?)", caseId, kind, sql(at));
        return true;
    }
}
