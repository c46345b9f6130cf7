package org.patchgap.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * The compiled range (events as positions among the package's boundaries, integer comparisons) agrees with the
 * OSV schema's reference evaluation, written here literally from the spec ("Evaluation": sort the events, then
 * introduced sets affected, fixed and last_affected clear it, limit bounds the whole range) and evaluated with
 * the scheme's own {@code compareTo}, on random event lists and versions of real schemes.
 */
class RangeProgramProperties {

    record Event(RangeEvent.Kind kind, String version) {}

    private static final List<String> MAVEN = List.of("1.0-alpha-1", "1.0-beta", "1.0-rc1", "1.0-SNAPSHOT", "1.0",
            "1.0.1", "1.1", "1.1.0.RELEASE", "1.2-sp1", "2.0", "2.0.0", "2.0.1-jre", "2.12.2", "2.15.0", "3", "10.0");
    private static final List<String> PYPI = List.of("0.9", "1.0.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1",
            "1.0+local.1", "1.1", "1!0.5", "2.0", "2.0.0", "2.31.0", "10.0");
    private static final List<String> NPM = List.of("0.0.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta.2",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.3", "2.0.0-0", "2.0.0", "4.17.11", "4.17.12", "10.0.0");
    private static final List<String> GENERIC = List.of("0.1", "1.0", "1.0.1", "1.1", "2.0", "2.1", "3.0", "10.0");

    @Provide
    Arbitrary<String> ecosystems() {
        return Arbitraries.of("Maven", "PyPI", "npm", "Test");
    }

    private static List<String> pool(String ecosystem) {
        return switch (ecosystem) {
            case "Maven" -> MAVEN;
            case "PyPI" -> PYPI;
            case "npm" -> NPM;
            default -> GENERIC;
        };
    }

    @Property(tries = 3000)
    void agreesWithTheReferenceEvaluation(@ForAll("ecosystems") String ecosystem,
            @ForAll("seeds") long seed) throws InvalidVersionException {
        java.util.Random random = new java.util.Random(seed);
        List<String> pool = pool(ecosystem);
        VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem);
        List<Event> events = new ArrayList<>();
        List<String> used = new ArrayList<>();
        int n = random.nextInt(7);
        for (int i = 0; i < n; i++) {
            RangeEvent.Kind kind = RangeEvent.Kind.values()[random.nextInt(4)];
            String version = kind == RangeEvent.Kind.INTRODUCED && random.nextInt(5) == 0 ? "0" : pool.get(random.nextInt(pool.size()));
            // The spec leaves the order of events at equal versions open: keep versions distinct.
            if (!version.equals("0") && used.stream().anyMatch(u -> compare(scheme, u, version) == 0)) continue;
            if (!version.equals("0")) used.add(version);
            events.add(new Event(kind, version));
        }
        List<RangeProgram.ParsedEvent> parsed = new ArrayList<>();
        List<Version> limits = new ArrayList<>();
        List<Version> all = new ArrayList<>();
        for (Event e : events) {
            if (e.kind() == RangeEvent.Kind.LIMIT) {
                limits.add(scheme.parse(e.version()));
            } else if (e.version().equals("0")) {
                parsed.add(new RangeProgram.ParsedEvent(e.kind(), null));
                continue;
            } else {
                parsed.add(new RangeProgram.ParsedEvent(e.kind(), scheme.parse(e.version())));
            }
            all.add(scheme.parse(e.version()));
        }
        PackagePositions positions = PackagePositions.of(all);
        int[] program = RangeProgram.encode(List.of(parsed), List.of(limits), positions);
        for (String probeText : pool) {
            Version probe = scheme.parse(probeText);
            assertThat(RangeProgram.anyContains(program, positions.position(probe)))
                    .as("%s events %s, version %s", ecosystem, events, probeText)
                    .isEqualTo(reference(scheme, events, probe));
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static int compare(VersionScheme scheme, String a, String b) {
        try {
            return scheme.compare(a, b);
        } catch (InvalidVersionException e) {
            throw new AssertionError(e);
        }
    }

    /** OSV schema, "Evaluation", with the scheme's compareTo and introduced "0" below everything. */
    private static boolean reference(VersionScheme scheme, List<Event> events, Version v) throws InvalidVersionException {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.version().equals("0") ? (b.version().equals("0") ? 0 : -1)
                : b.version().equals("0") ? 1 : compare(scheme, a.version(), b.version()));
        boolean affected = false;
        List<Version> limits = new ArrayList<>();
        for (Event e : sorted) {
            if (e.kind() == RangeEvent.Kind.LIMIT) {
                limits.add(scheme.parse(e.version()));
                continue;
            }
            boolean zero = e.version().equals("0");
            int c = zero ? 1 : v.compareTo(scheme.parse(e.version()));
            switch (e.kind()) {
                case INTRODUCED -> { if (c >= 0) affected = true; }
                case FIXED -> { if (c >= 0) affected = false; }
                case LAST_AFFECTED -> { if (c > 0) affected = false; }
                default -> { }
            }
        }
        return affected && (limits.isEmpty() || limits.stream().anyMatch(limit -> v.compareTo(limit) < 0));
    }
}
