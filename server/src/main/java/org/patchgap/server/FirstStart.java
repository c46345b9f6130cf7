package org.patchgap.server;

import java.time.Clock;
import org.patchgap.server.auth.ApiKeys;
import org.patchgap.server.auth.Role;
import org.patchgap.server.auth.Teams;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Says where the server listens, and on the first start only (no key exists yet) makes the administrators' team
 * and one administrator key, printed once: it is stored only as a hash.
 */
@Component
public class FirstStart {

    private final ApiKeys keys;
    private final Teams teams;
    private final Clock clock;
    private final Environment env;
    private volatile String url;

    public FirstStart(ApiKeys keys, Teams teams, Clock clock, Environment env) {
        this.keys = keys;
        this.teams = teams;
        this.clock = clock;
        this.env = env;
    }

    @EventListener
    public void listening(WebServerInitializedEvent event) {
        String host = env.getProperty("server.address", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) host = "localhost";
        url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + event.getWebServer().getPort() + "/";
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ready() {
        if (keys.count() == 0) {
            Teams.Team admins = teams.ensure("admins", clock.instant());
            ApiKeys.NewKey key = keys.create(admins.id(), "first administrator key", Role.ADMIN, clock.instant());
            System.out.println("patchgap: administrator API key (shown only now; keep it): " + key.secret());
        }
        System.out.println("patchgap: listening on " + url + " (web UI: " + url + ", API: " + url + "api/v1, OpenAPI: " + url
                + "api/v1/openapi.json); data in " + env.getProperty("patchgap.datadir"));
        System.out.flush();
    }
}
