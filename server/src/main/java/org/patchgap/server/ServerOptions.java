package org.patchgap.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options of {@code patchgap serve}, turned into the application's properties. */
final class ServerOptions {

    static final String HELP = "patchgap.help";
    /** Set when the database is the embedded one (no --db-url). */
    static final String EMBEDDED = "patchgap.embedded-database";
    static final String USAGE = """
            usage: patchgap serve [--port N] [--bind ADDRESS] [--data DIR] [--db-url JDBC-URL [--db-user USER] [--db-password PASSWORD]]
                      [--refresh SOURCES] [--demo]
              --port N          port to listen on (default 8080; 0 picks a free one)
              --bind ADDRESS    address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --data DIR        data directory: the embedded database (HSQLDB) and downloads (default $PATCHGAP_DATA,
                                else $XDG_DATA_HOME/patchgap/server, else ~/.local/share/patchgap/server)
              --db-url URL      a PostgreSQL database instead of the embedded one, e.g. jdbc:postgresql://db/patchgap
              --refresh SOURCES keep the advisories fresh from these db update sources, every 6 hours
                                (e.g. osv,kev,epss or osv:Maven,csaf:example.com; off by default)
              --demo            load the bundled demo advisories and fleet history (the WannaCry fleet of 2017,
                                the Log4Shell applications of 2021) into the data directory's demo database""";

    /** A wrong command line: the message and the exit code. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }

        int exitCode() {
            return 2;
        }
    }

    private ServerOptions() {}

    static Map<String, Object> parse(String[] args, Map<String, String> env) throws UsageException {
        Map<String, Object> p = new LinkedHashMap<>();
        String data = null;
        String dbUrl = null;
        boolean demo = false;
        p.put("server.port", PatchgapServer.DEFAULT_PORT);
        p.put("server.address", "127.0.0.1");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> p.put(HELP, true);
                case "--port" -> {
                    String v = value(args, ++i, a);
                    try {
                        int port = Integer.parseInt(v);
                        if (port < 0 || port > 65535) throw new NumberFormatException();
                        p.put("server.port", port);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--port takes a number from 0 to 65535: " + v);
                    }
                }
                case "--bind" -> p.put("server.address", value(args, ++i, a));
                case "--data" -> data = value(args, ++i, a);
                case "--db-url" -> {
                    dbUrl = value(args, ++i, a);
                    if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:hsqldb:") && !dbUrl.startsWith("jdbc:h2:")) {
                        throw new UsageException("--db-url takes a jdbc:postgresql: (or jdbc:hsqldb:, jdbc:h2:) URL: " + dbUrl);
                    }
                }
                case "--db-user" -> p.put("spring.datasource.username", value(args, ++i, a));
                case "--db-password" -> p.put("spring.datasource.password", value(args, ++i, a));
                case "--demo" -> demo = true;
                case "--refresh" -> p.put("patchgap.refresh.sources", value(args, ++i, a));
                default -> {
                    // Spring's own --name=value options pass through; anything else is a mistake.
                    if (!a.startsWith("--") || !a.contains("=")) throw new UsageException("unknown option: " + a);
                }
            }
        }
        Path dir = Path.of(data != null ? data : defaultData(env)).toAbsolutePath();
        if (demo) {
            dir = dir.resolve("demo");
            p.put("patchgap.demo", true);
        }
        p.put("patchgap.datadir", dir.toString());
        if (dbUrl != null) {
            p.put("spring.datasource.url", dbUrl);
        } else {
            p.put(EMBEDDED, true);
            p.put("spring.datasource.url", EmbeddedDatabase.url(dir));
            p.putIfAbsent("spring.datasource.username", EmbeddedDatabase.USER);
        }
        return p;
    }

    private static String defaultData(Map<String, String> env) {
        String explicit = env.get("PATCHGAP_DATA");
        if (explicit != null && !explicit.isBlank()) return explicit;
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "patchgap", "server").toString();
        return Path.of(System.getProperty("user.home"), ".local", "share", "patchgap", "server").toString();
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) throw new UsageException(option + " needs a value");
        return args[i];
    }
}
