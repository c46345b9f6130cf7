package org.patchgap.server.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patchgap.server.notify.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Tells a case's participants of each change through their teams' notification channels (webhook, e-mail) and the
 * reporter's e-mail address, queued in the change's own transaction like every notification. A notification names
 * the case, the event, its state and embargo date and links to the case page; it carries nothing of the flaw (no
 * title, description, message or attachment): e-mail leaves the service in clear, and the page needs a sign-in.
 */
@Service
public class CaseNotifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final String publicUrl;

    public CaseNotifications(Notifications notifications, JdbcTemplate jdbc,
            @Value("${patchgap.public-url:}") String publicUrl) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Who is told. */
    public record Audience(boolean coordinators, Collection<Long> vendorTeams, boolean reporter) {

        /** Coordinators, every invited vendor and the reporter. */
        public static Audience everyone(Collection<Long> vendors) {
            return new Audience(true, vendors, true);
        }

        public static Audience coordinatorsOnly() {
            return new Audience(true, List.of(), false);
        }
    }

    public void tell(DisclosureCase c, String event, String detail, Audience audience, Instant at) {
        Set<Long> teams = new LinkedHashSet<>();
        if (audience.coordinators()) {
            if (c.coordinatorTeamId() != null) {
                teams.add(c.coordinatorTeamId());
            } else {
                // Not triaged yet: every coordinator team may take it.
                teams.addAll(jdbc.queryForList("SELECT id FROM team WHERE coordinator ORDER BY id", Long.class));
            }
        }
        teams.addAll(audience.vendorTeams());
        String payload = payload(c, event, detail, at);
        for (long team : teams) {
            for (Notifications.Channel channel : notifications.channels(team)) {
                notifications.queue(channel, event, payload, at);
            }
        }
        if (audience.reporter()) {
            for (Notifications.Channel channel : notifications.caseChannels(c.id())) {
                notifications.queue(channel, event, payload, at);
            }
        }
    }

    private String payload(DisclosureCase c, String event, String detail, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        root.put("event", event);
        root.put("at", at.toString());
        root.put("case", c.publicId());
        root.put("state", c.state().code());
        root.put("embargoUntil", c.embargoUntil() == null ? null : c.embargoUntil().toString());
        root.put("detail", detail);
        root.put("url", publicUrl + "/disclosure/cases/" + c.publicId());
        return root.toString();
    }
}
