package org.patchgap.server.notify;

import static org.patchgap.server.Times.sql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Delivers queued notifications: webhooks as a JSON POST whose body is signed with the channel's secret
 * ({@code X-Patchgap-Signature: sha256=<hex HMAC-SHA256 of the body>}, as GitHub signs its webhooks), retried with
 * exponential backoff (1 min, 2, 4 ... at most 6 h, 10 attempts); every attempt is logged.
 * E-mail channels are delivered when SMTP is configured ({@code spring.mail.host}); until then they wait, with
 * the reason logged on each attempt.
 */
@Service
public class NotificationDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    private record Due(long id, String kind, String address, String secret, String payload, int attempts, String event) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MailDelivery mail;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public NotificationDispatcher(JdbcTemplate jdbc, Clock clock, MailDelivery mail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
    }

    @Scheduled(fixedDelayString = "${patchgap.notifications.poll-ms:5000}",
            initialDelayString = "${patchgap.notifications.poll-initial-ms:5000}")
    public void deliverDue() {
        deliverDue(clock.instant());
    }

    /** Delivers every notification due at {@code now}; returns how many were delivered. */
    public int deliverDue(Instant now) {
        List<Due> due = jdbc.query("SELECT n.id, c.kind, c.address, c.secret, n.payload, n.attempts, n.event FROM notification n "
                + "JOIN notification_channel c ON c.id = n.channel_id WHERE n.delivered_at IS NULL AND n.next_attempt_at <= ? "
                + "ORDER BY n.id LIMIT 100", (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)), sql(now));
        int delivered = 0;
        for (Due d : due) {
            String outcome;
            boolean ok;
            try {
                outcome = switch (d.kind()) {
                    case "webhook" -> postWebhook(d);
                    case "email" -> mail.send(d.address(), "[Patchgap] " + d.event(), d.payload());
                    default -> throw new IllegalStateException("unknown channel kind " + d.kind());
                };
                ok = true;
            } catch (Exception e) {
                outcome = "failed: " + e.getMessage();
                ok = false;
            }
            jdbc.update("INSERT INTO notification_attempt (notification_id, attempted_at, outcome) VALUES (?, ?, ?)", d.id(),
                    sql(now), truncate(outcome));
            int attempts = d.attempts() + 1;
            if (ok) {
                jdbc.update("UPDATE notification SET attempts = ?, delivered_at = ?, last_error = NULL WHERE id = ?", attempts,
                        sql(now), d.id());
                delivered++;
            } else {
                Instant next = attempts >= MAX_ATTEMPTS ? null : now.plus(backoff(attempts));
                jdbc.update("UPDATE notification SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?", attempts,
                        sql(next), truncate(outcome), d.id());
                LOG.info("notification {} attempt {} {}", d.id(), attempts, outcome);
            }
        }
        return delivered;
    }

    static Duration backoff(int attempts) {
        long minutes = Math.min(360, 1L << Math.min(attempts - 1, 20));
        return Duration.ofMinutes(minutes);
    }

    private String postWebhook(Due d) throws Exception {
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.address())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Patchgap-Event", d.event())
                .header("X-Patchgap-Delivery", Long.toString(d.id()))
                .header("X-Patchgap-Signature", "sha256=" + hmac(d.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) throw new IllegalStateException("HTTP " + response.statusCode());
        return "delivered: HTTP " + response.statusCode();
    }

    public static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String truncate(String s) {
        return s.length() > 1900 ? s.substring(0, 1900) : s;
    }
}
