package org.patchgap.server;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.patchgap.server.auth.ApiKeys;
import org.patchgap.server.auth.Role;
import org.patchgap.server.auth.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A real server on a free port, with a database the subclass names and a clock the test moves. Each test makes
 * its own team, so tests that share a database do not see each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.allow-bean-definition-overriding=true",
        "patchgap.notifications.poll-ms=3600000",
        "patchgap.notifications.poll-initial-ms=3600000",
        "patchgap.notifications.kev-check-initial-ms=3600000",
        "patchgap.disclosure.check-initial-ms=3600000",
        "patchgap.datadir=target/test-data"})
@Import(ServerTestBase.Clocks.class)
public abstract class ServerTestBase {

    public static final Instant START = Instant.parse("2017-03-01T12:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @org.springframework.context.annotation.Primary
        Clock testClock() {
            return new TestClock(START);
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected Clock clock;
    @Autowired
    protected ApiKeys keys;
    @Autowired
    protected Teams teams;

    /** An administrator's client. */
    protected Api admin;
    /** This test's own team. */
    protected String team;
    /** A member of this test's team. */
    protected Api member;

    @BeforeEach
    void clients() {
        at(START);
        String admins = "admins";
        admin = new Api(base(), keys.create(teams.ensure(admins, START).id(), "test admin", Role.ADMIN, START).secret());
        team = "t" + UUID.randomUUID().toString().substring(0, 8);
        member = new Api(base(), keyFor(team, Role.MEMBER));
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected String keyFor(String teamName, Role role) {
        return keys.create(teams.ensure(teamName, START).id(), role + " of " + teamName, role, START).secret();
    }

    protected void at(Instant instant) {
        ((TestClock) clock).set(instant);
    }

    protected void at(String instant) {
        at(Instant.parse(instant));
    }
}
