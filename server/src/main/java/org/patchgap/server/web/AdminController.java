package org.patchgap.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.server.Times;
import org.patchgap.server.auth.ApiKeys;
import org.patchgap.server.auth.Caller;
import org.patchgap.server.auth.CurrentCaller;
import org.patchgap.server.auth.Role;
import org.patchgap.server.auth.Teams;
import org.patchgap.server.notify.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams, API keys and notification channels: an administrator's business (a team's channels: its members' too). */
@RestController
@RequestMapping("/api/v1")
public class AdminController {

    static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Teams teams;
    private final ApiKeys keys;
    private final Notifications notifications;
    private final TeamScope scope;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public AdminController(Teams teams, ApiKeys keys, Notifications notifications, TeamScope scope, Clock clock,
            JdbcTemplate jdbc) {
        this.teams = teams;
        this.keys = keys;
        this.notifications = notifications;
        this.scope = scope;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @GetMapping("/teams")
    public ArrayNode teams() {
        Caller caller = CurrentCaller.get();
        ArrayNode out = JSON.createArrayNode();
        for (Teams.Team t : teams.list()) {
            if (caller.canRead(t.id())) out.addObject().put("name", t.name());
        }
        return out;
    }

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode createTeam(@RequestBody Map<String, String> body) {
        requireAdmin();
        String name = body.get("name");
        if (name == null || !TEAM.matcher(name).matches()) {
            throw ApiException.badRequest("name: 1 to 100 letters, digits and . _ -, starting with a letter or digit");
        }
        if (teams.byName(name).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "team " + name + " exists");
        }
        teams.ensure(name, clock.instant());
        return JSON.createObjectNode().put("name", name);
    }

    @GetMapping("/keys")
    public ArrayNode keys() {
        requireAdmin();
        ArrayNode out = JSON.createArrayNode();
        for (ApiKeys.KeyInfo k : keys.list()) {
            ObjectNode node = out.addObject().put("id", k.id()).put("name", k.name()).put("team", k.team())
                    .put("role", k.role().name().toLowerCase(Locale.ROOT)).put("prefix", k.prefix())
                    .put("createdAt", k.createdAt().toString());
            node.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
        }
        return out;
    }

    /** Makes a key; its secret is in this answer and nowhere else, ever. */
    @PostMapping("/keys")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode createKey(@RequestBody Map<String, String> body) {
        requireAdmin();
        String team = body.get("team");
        String name = body.getOrDefault("name", "");
        Role role;
        try {
            role = Role.valueOf(body.getOrDefault("role", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role must be admin, member or readonly");
        }
        if (team == null) throw ApiException.badRequest("team is required");
        if (name.isBlank() || name.length() > 200) throw ApiException.badRequest("name: 1 to 200 characters");
        Teams.Team t = teams.byName(team).orElseThrow(() -> ApiException.notFound("team"));
        ApiKeys.NewKey key = keys.create(t.id(), name, role, clock.instant());
        return JSON.createObjectNode().put("id", key.id()).put("team", t.name()).put("role", role.name().toLowerCase(Locale.ROOT))
                .put("name", name).put("key", key.secret());
    }

    @DeleteMapping("/keys/{id}")
    public ObjectNode revoke(@PathVariable long id) {
        requireAdmin();
        if (!keys.revoke(id, clock.instant())) throw ApiException.notFound("key");
        return JSON.createObjectNode().put("id", id).put("revoked", true);
    }

    @GetMapping("/teams/{team}/channels")
    public ArrayNode channels(@PathVariable String team) {
        long teamId = readableTeam(team);
        ArrayNode out = JSON.createArrayNode();
        for (Notifications.Channel c : notifications.channels(teamId)) {
            out.addObject().put("id", c.id()).put("kind", c.kind()).put("address", c.address())
                    .put("minSeverity", c.minSeverity().label());
        }
        return out;
    }

    /** {@code {"kind": "webhook", "address": "https://...", "secret": "...", "minSeverity": "high"}} or an e-mail. */
    @PostMapping("/teams/{team}/channels")
    @ResponseStatus(HttpStatus.CREATED)
    public ObjectNode addChannel(@PathVariable String team, @RequestBody Map<String, String> body) {
        Caller caller = CurrentCaller.get();
        long teamId = scope.forWrite(caller, team);
        String kind = body.getOrDefault("kind", "");
        String address = body.getOrDefault("address", "");
        String secret = body.get("secret");
        switch (kind) {
            case "webhook" -> {
                URI uri;
                try {
                    uri = URI.create(address);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("address must be an http(s) URL");
                }
                if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                        || uri.getHost() == null) {
                    throw ApiException.badRequest("address must be an http(s) URL");
                }
                if (secret == null || secret.length() < 16) {
                    throw ApiException.badRequest("secret: at least 16 characters, to sign the webhook bodies");
                }
            }
            case "email" -> {
                if (!address.matches("[^@\\s]+@[^@\\s]+")) throw ApiException.badRequest("address must be an e-mail address");
            }
            default -> throw ApiException.badRequest("kind must be webhook or email");
        }
        SeverityLevel min = FindingController.level(body.getOrDefault("minSeverity", "high"));
        long id = notifications.addChannel(teamId, kind, address, secret, min, clock.instant());
        return JSON.createObjectNode().put("id", id).put("kind", kind).put("address", address).put("minSeverity", min.label());
    }

    /** The delivery log of a team's channels, newest first. */
    @GetMapping("/teams/{team}/deliveries")
    public ArrayNode deliveries(@PathVariable String team) {
        long teamId = readableTeam(team);
        ArrayNode out = JSON.createArrayNode();
        jdbc.query("SELECT n.id, c.kind, c.address, n.event, n.created_at, n.attempts, n.delivered_at, n.next_attempt_at, "
                + "n.last_error FROM notification n JOIN notification_channel c ON c.id = n.channel_id WHERE c.team_id = ? "
                + "ORDER BY n.id DESC LIMIT 200", rs -> {
                    ObjectNode d = out.addObject();
                    d.put("id", rs.getLong(1));
                    d.put("channel", rs.getString(2) + " " + rs.getString(3));
                    d.put("event", rs.getString(4));
                    d.put("createdAt", String.valueOf(Times.instant(rs, "created_at")));
                    d.put("attempts", rs.getInt(6));
                    var delivered = Times.instant(rs, "delivered_at");
                    d.put("deliveredAt", delivered == null ? null : delivered.toString());
                    var next = Times.instant(rs, "next_attempt_at");
                    d.put("nextAttemptAt", delivered != null || next == null ? null : next.toString());
                    d.put("lastError", rs.getString(9));
                }, teamId);
        return out;
    }

    private long readableTeam(String team) {
        Caller caller = CurrentCaller.get();
        Long id = scope.forRead(caller, team);
        return id == null ? caller.teamId() : id;
    }

    private static void requireAdmin() {
        if (!CurrentCaller.get().isAdmin()) throw ApiException.forbidden("only an administrator's key may do this");
    }
}
