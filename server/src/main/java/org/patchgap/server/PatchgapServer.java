package org.patchgap.server;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code patchgap serve}: the fleet server.
 *
 * <pre>
 * patchgap serve [--port N] [--bind ADDRESS] [--data DIR] [--db-url JDBC-URL [--db-user U] [--db-password P]] [--demo]
 * </pre>
 *
 * Without {@code --db-url} the database is an H2 file under the data directory, so nothing needs to be installed;
 * with it, PostgreSQL 15+ (the same migrations). Options may also be given as Spring properties
 * ({@code --server.port=...}).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableScheduling
public class PatchgapServer {

    static final int DEFAULT_PORT = 8080;

    public static void main(String[] args) {
        Map<String, Object> properties;
        try {
            properties = ServerOptions.parse(args, System.getenv());
        } catch (ServerOptions.UsageException e) {
            PrintStream err = System.err;
            err.println("patchgap serve: " + e.getMessage());
            err.println(ServerOptions.USAGE);
            System.exit(e.exitCode());
            return;
        }
        if (properties.containsKey(ServerOptions.HELP)) {
            System.out.println(ServerOptions.USAGE);
            return;
        }
        try {
            Files.createDirectories(Path.of((String) properties.get("patchgap.datadir")));
        } catch (java.io.IOException e) {
            System.err.println("patchgap serve: cannot create the data directory " + properties.get("patchgap.datadir") + ": "
                    + e.getMessage());
            System.exit(2);
        }
        SpringApplication app = new SpringApplication(PatchgapServer.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(new LinkedHashMap<>(properties));
        try {
            app.run(args);
        } catch (RuntimeException e) {
            System.err.println("patchgap serve: cannot start: " + StartupFailure.describe(e));
            System.exit(1);
        }
    }
}
