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
 * Without {@code --db-url} the database is an HSQLDB file database under the data directory ({@link EmbeddedDatabase}),
 * so nothing needs to be installed;
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
        if (properties.containsKey(ServerOptions.EMBEDDED)) moveH2DatabaseOnce(properties);
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

    /**
     * A data directory from before ADR 0016 holds an H2 database: copy it into HSQLDB once. When that fails the server
     * runs on the H2 database as before, and says so; the next start tries again.
     */
    private static void moveH2DatabaseOnce(Map<String, Object> properties) {
        Path dir = Path.of((String) properties.get("patchgap.datadir"));
        if (!EmbeddedDatabase.holdsOnlyH2(dir)) return;
        PrintStream err = System.err;
        err.println("patchgap serve: moving the embedded database in " + dir + " from H2 to HSQLDB (docs/decisions/0016):");
        long started = System.nanoTime();
        try {
            H2ToHsqldb.Result moved = new H2ToHsqldb(dir, err).run();
            err.printf("patchgap serve: moved %,d rows of %d tables in %.1f s; the H2 file is kept as %s.moved-to-hsqldb%n",
                    moved.total(), moved.rows().size(), (System.nanoTime() - started) / 1e9, EmbeddedDatabase.H2_FILE);
        } catch (Exception e) {
            err.println("patchgap serve: could not move the H2 database (" + StartupFailure.describe(e)
                    + "); running on it as before, the next start tries again");
            properties.put("spring.datasource.url", EmbeddedDatabase.h2Url(dir));
            properties.remove("spring.datasource.username");
        }
    }
}
