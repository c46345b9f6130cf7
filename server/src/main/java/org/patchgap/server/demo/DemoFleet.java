package org.patchgap.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Target;
import org.patchgap.server.auth.Teams;
import org.patchgap.server.fleet.AdvisoryIngest;
import org.patchgap.server.fleet.FleetMatcher;
import org.patchgap.server.fleet.FleetService;
import org.patchgap.server.fleet.MatchedFinding;
import org.patchgap.server.fleet.UploadedInventory;
import org.patchgap.server.web.UploadStaging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The demo: the bundled advisories and a fleet with a history, replayed through the same services an API client
 * uses, each event at its own time, so that the patch-gap figures are real figures of a (made-up) fleet.
 *
 * <ul>
 *   <li>Team {@code ops}: 24 Windows hosts cloned from the eight real-format exports in
 *       {@code examples/inventories/windows}, first uploaded on 1 March 2017. Microsoft's documents are imported on
 *       their release dates (MS17-010 on 14 March), which opens the exposures. Each host then installs the update
 *       its findings name on a day drawn (with a fixed seed) from a spread like the one seen in 2017: a quarter in
 *       the first month, a quarter before 12 May, most of the rest in the fortnight after WannaCry struck, a few in
 *       June, and some never.</li>
 *   <li>Team {@code apps}: six services cloned from {@code shop-backend.cdx.json} (Log4j 2.14.1), first uploaded on
 *       1 December 2021, upgrading log4j-core to 2.15.0, 2.16.0 and 2.17.1 as the four Log4Shell advisories arrive
 *       (10, 14, 18 and 29 December), some late, one never past 2.16.0; plus billing-api and storefront-web.</li>
 *   <li>KEV catalogs on the dates CISA added the entries; the other advisories on their publication dates.</li>
 * </ul>
 */
@Service
public class DemoFleet {

    static final String LOADED = "demo.loaded";

    private final FleetService fleet;
    private final AdvisoryIngest ingest;
    private final FleetMatcher matcher;
    private final Teams teams;
    private final JdbcTemplate jdbc;

    /** One thing that happens at a time: an advisory arrives or a target is uploaded. */
    private record Event(Instant at, int order, Step step) {}

    private interface Step {
        void run(Instant at) throws Exception;
    }

    public DemoFleet(FleetService fleet, AdvisoryIngest ingest, FleetMatcher matcher, Teams teams, JdbcTemplate jdbc) {
        this.fleet = fleet;
        this.ingest = ingest;
        this.matcher = matcher;
        this.teams = teams;
        this.jdbc = jdbc;
    }

    public boolean loaded() {
        return !jdbc.queryForList("SELECT setting_value FROM server_setting WHERE name = ?", String.class, LOADED).isEmpty();
    }

    /** Loads the demo from the examples directory; returns what it did, for the start-up message. */
    public String load(Path examples) throws Exception {
        if (!Files.isDirectory(examples.resolve("inventories"))) {
            throw new IllegalStateException("no demo data: " + examples + " has no inventories/ (run from the repository)");
        }
        List<Event> events = new ArrayList<>();
        advisories(examples.resolve("advisories"), events);
        long ops = teams.ensure("ops", day("2017-03-01")).id();
        long apps = teams.ensure("apps", day("2021-12-01")).id();
        windowsFleet(examples.resolve("inventories/windows"), ops, events);
        log4ShellApps(examples.resolve("inventories"), apps, events);
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::order));
        for (Event e : events) e.step().run(e.at());
        jdbc.update("INSERT INTO server_setting (name, setting_value) VALUES (?, ?)", LOADED, Instant.now().toString());
        return events.size() + " events replayed";
    }

    private void advisories(Path dir, List<Event> events) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            Instant at = publishedOf(file, new String(body, java.nio.charset.StandardCharsets.UTF_8));
            events.add(new Event(at, 0, when -> ingest.ingest(body, file.getFileName().toString(), when)));
        }
    }

    /**
     * When a document was published, from the first date it carries: OSV {@code published}, CVRF
     * {@code InitialReleaseDate}, the latest KEV {@code dateAdded}; noon UTC of that day.
     */
    static Instant publishedOf(Path file, String text) {
        java.util.regex.Matcher m;
        if (file.toString().contains("/kev/")) {
            m = java.util.regex.Pattern.compile("\"dateAdded\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})").matcher(text);
            LocalDate latest = null;
            while (m.find()) {
                LocalDate d = LocalDate.parse(m.group(1));
                if (latest == null || d.isAfter(latest)) latest = d;
            }
            return latest == null ? day("2021-11-03") : latest.atTime(12, 0).toInstant(ZoneOffset.UTC);
        }
        m = java.util.regex.Pattern.compile("(?:\"published\"\\s*:\\s*\"|<InitialReleaseDate>)(\\d{4}-\\d{2}-\\d{2})").matcher(text);
        return m.find() ? LocalDate.parse(m.group(1)).atTime(12, 0).toInstant(ZoneOffset.UTC) : day("2017-03-01");
    }

    private void windowsFleet(Path dir, long team, List<Event> events) throws Exception {
        List<Path> templates;
        try (Stream<Path> list = Files.list(dir)) {
            templates = list.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        Random random = new Random(2017);
        int serial = 0;
        for (Path template : templates) {
            String base = hostBase(template);
            for (int copy = 1; copy <= 3; copy++) {
                serial++;
                String name = base + String.format(Locale.ROOT, "%02d", serial);
                Target host;
                try (UploadStaging staged = UploadStaging.copyOf(template, name)) {
                    host = UploadedInventory.read(name, staged).target();
                }
                Target first = host;
                events.add(new Event(day("2017-03-01").plusSeconds(serial * 60L), 1,
                        at -> fleet.upload(team, new UploadedInventory(first, "demo", List.of()), "demo", at, null)));
                Instant patched = patchDay(random);
                if (patched != null) {
                    events.add(new Event(patched, 1, at -> fleet.upload(team,
                            new UploadedInventory(patch(first), "demo", List.of()), "demo", at, null)));
                }
            }
        }
    }

    /** {@code win7-fin01-systeminfo.txt} → {@code win7-fin}, {@code xp-pos04/} → {@code xp-pos}. */
    static String hostBase(Path template) {
        String name = template.getFileName().toString().toLowerCase(Locale.ROOT);
        int dash = name.indexOf('-', name.indexOf('-') + 1);
        if (dash > 0) name = name.substring(0, dash);
        return name.replaceAll("\\d+$", "").replaceAll("[^a-z0-9-]", "");
    }

    /** The spread of 2017: drawn once per host with a fixed seed, so every demo is the same. */
    static Instant patchDay(Random random) {
        double r = random.nextDouble();
        LocalDate from;
        int days;
        if (r < 0.25) { from = LocalDate.of(2017, 3, 15); days = 30; }
        else if (r < 0.45) { from = LocalDate.of(2017, 4, 15); days = 27; }
        else if (r < 0.80) { from = LocalDate.of(2017, 5, 12); days = 19; }
        else if (r < 0.90) { from = LocalDate.of(2017, 6, 1); days = 29; }
        else return null;
        return from.plusDays(random.nextInt(days)).atTime(9 + random.nextInt(9), 0).toInstant(ZoneOffset.UTC);
    }

    /** The host with what its findings ask for installed: their KBs, and the fixed build where one is named. */
    Target patch(Target host) {
        HostFacts facts = host.host();
        if (facts == null) return host;
        Set<String> kbs = new LinkedHashSet<>(facts.installedUpdates());
        String build = facts.build();
        for (MatchedFinding f : matcher.matchWindows(host)) {
            for (String fix : f.finding().fixedVersions()) {
                if (fix.toUpperCase(Locale.ROOT).startsWith("KB")) {
                    kbs.add(fix.toUpperCase(Locale.ROOT));
                    break;
                }
            }
            for (String fix : f.finding().fixedVersions()) {
                if (!fix.toUpperCase(Locale.ROOT).startsWith("KB") && (build == null || newer(fix, build))) build = fix;
            }
        }
        HostFacts patched = new HostFacts(facts.osName(), facts.osVersion(), build, facts.architecture(),
                facts.servicePack(), List.copyOf(kbs), facts.configuration());
        return new Target(host.name(), host.kind(), host.source(), host.components(), patched);
    }

    /**
     * Whether fixed build {@code a} raises host build {@code b}: the same build line with a higher update revision,
     * as the Windows matcher decides a cumulative host's fix.
     */
    private static boolean newer(String a, String b) {
        var fix = org.patchgap.core.windows.WindowsBuild.parse(a);
        var have = org.patchgap.core.windows.WindowsBuild.parse(b);
        return fix.isPresent() && have.isPresent() && fix.get().sameLine(have.get()) && fix.get().revision() != null
                && (have.get().revision() == null || fix.get().revision() > have.get().revision());
    }

    private void log4ShellApps(Path dir, long team, List<Event> events) throws Exception {
        Target template;
        try (UploadStaging staged = UploadStaging.copyOf(dir.resolve("shop-backend.cdx.json"), "shop-backend")) {
            template = UploadedInventory.read("shop-backend", staged).target();
        }
        String[] names = {"shop-backend", "orders-api", "inventory-svc", "payments-gw", "search-indexer", "reporting"};
        // Days after 1 December 2021 on which each service reached 2.15.0, 2.16.0 and 2.17.1 (0: never).
        int[][] upgrades = {{11, 15, 30}, {12, 16, 31}, {13, 20, 42}, {20, 24, 0}, {14, 17, 35}, {43, 43, 43}};
        for (int i = 0; i < names.length; i++) {
            Target app = rename(template, names[i]);
            int order = i;
            events.add(new Event(day("2021-12-01").plusSeconds(i * 60L), 1, at -> fleet.upload(team,
                    new UploadedInventory(app, "demo", List.of()), "demo", at, null)));
            String[] versions = {"2.15.0", "2.16.0", "2.17.1"};
            for (int stage = 0; stage < 3; stage++) {
                if (upgrades[i][stage] == 0) continue;
                Target upgraded = withLog4j(app, versions[stage]);
                Instant at = day("2021-12-01").plus(java.time.Duration.ofDays(upgrades[i][stage] - 1)).plusSeconds(3600L * (stage + 1) + order);
                events.add(new Event(at, 1, when -> fleet.upload(team, new UploadedInventory(upgraded, "demo", List.of()),
                        "demo", when, null)));
            }
        }
        for (String other : new String[] {"billing-api.cdx.json", "storefront-web.cdx.xml"}) {
            String name = other.substring(0, other.indexOf('.'));
            Target app;
            try (UploadStaging staged = UploadStaging.copyOf(dir.resolve(other), name)) {
                app = UploadedInventory.read(name, staged).target();
            }
            events.add(new Event(day("2021-12-01").plusSeconds(3600), 1, at -> fleet.upload(team,
                    new UploadedInventory(app, "demo", List.of()), "demo", at, null)));
        }
    }

    private static Target rename(Target t, String name) {
        return new Target(name, t.kind(), t.source(), t.components(), t.host());
    }

    /** The application with every Log4j 2 artifact at {@code version}. */
    static Target withLog4j(Target app, String version) {
        List<Component> components = new ArrayList<>();
        for (Component c : app.components()) {
            if (c.name().startsWith("org.apache.logging.log4j:log4j-")) {
                String purl = c.purl() == null ? null : c.purl().replaceFirst("@[^?#]*", "@" + version);
                components.add(new Component(c.ecosystem(), c.name(), version, purl, c.location(), c.cpe()));
            } else {
                components.add(c);
            }
        }
        return new Target(app.name(), app.kind(), app.source(), components, app.host());
    }

    private static Instant day(String date) {
        return LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

}
