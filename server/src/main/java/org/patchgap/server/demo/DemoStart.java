package org.patchgap.server.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.patchgap.server.auth.ApiKeys;
import org.patchgap.server.auth.Role;
import org.patchgap.server.auth.Teams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code patchgap serve --demo}: loads the demo on the first start of the demo database, and on every start
 * prints a fresh administrator key for it (the demo's data is public; its keys are not worth keeping).
 */
@Component
@ConditionalOnProperty(name = "patchgap.demo", havingValue = "true")
public class DemoStart {

    private final DemoFleet demo;
    private final ApiKeys keys;
    private final Teams teams;
    private final Clock clock;
    private final String examples;
    private final org.springframework.core.env.Environment env;

    public DemoStart(DemoFleet demo, ApiKeys keys, Teams teams, Clock clock,
            @Value("${patchgap.examples:}") String examples, org.springframework.core.env.Environment env) {
        this.env = env;
        this.demo = demo;
        this.keys = keys;
        this.teams = teams;
        this.clock = clock;
        this.examples = examples;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void load() throws Exception {
        if (!demo.loaded()) {
            Path dir = examples.isBlank() ? findExamples() : Path.of(examples);
            System.out.println("patchgap: loading the demo (the WannaCry fleet of 2017, the Log4Shell services of 2021) ...");
            System.out.println("patchgap: demo loaded: " + demo.load(dir));
        }
        long admins = teams.ensure("admins", clock.instant()).id();
        ApiKeys.NewKey key = keys.create(admins, "demo key", Role.ADMIN, clock.instant());
        System.out.println("patchgap: demo administrator API key: " + key.secret());
        String url = "http://127.0.0.1:" + env.getProperty("local.server.port") + "/";
        System.out.println("patchgap: open " + url + " and sign in with that key, or try  curl -H 'Authorization: Bearer "
                + key.secret() + "' '" + url + "api/v1/patch-gap?vulnerability=MS17-010'");
    }

    /** examples/ of the repository the server runs from: the working directory or one above it. */
    static Path findExamples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/inventories"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no examples/ directory found above " + Path.of("").toAbsolutePath()
                + "; give --patchgap.examples=DIR");
        return dir.resolve("examples");
    }
}
