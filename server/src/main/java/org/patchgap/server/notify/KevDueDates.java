package org.patchgap.server.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells teams, once per finding, when an open KEV finding passes the due date CISA set for it. */
@Service
public class KevDueDates {

    private final Notifications notifications;
    private final Clock clock;

    public KevDueDates(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Hourly, so that a server started after midnight still tells the same day. */
    @Scheduled(fixedDelayString = "${patchgap.notifications.kev-check-ms:3600000}",
            initialDelayString = "${patchgap.notifications.kev-check-initial-ms:10000}")
    @Transactional
    public int check() {
        return notifications.kevOverdue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), clock.instant());
    }
}
