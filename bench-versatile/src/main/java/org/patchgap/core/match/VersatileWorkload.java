package org.patchgap.core.match;

import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersionFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.patchgap.bench.versatile.Corpus;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.RangeEvent;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * The same inputs for both libraries, for one ecosystem: the versions both accept, and ranges written once as
 * OSV events (compiled by our {@link AdvisoryIndex}, one package per range) and once as the equivalent
 * {@code vers:} string (parsed by versatile's {@link Vers#parse}).
 *
 * <p>It lives in the matcher's package to reach the compiled form of a range, as {@code RangeCheckBenchmark} does.
 */
public final class VersatileWorkload {

    /**
     * One range on both sides.
     *
     * @param events our OSV events
     * @param vers   the vers string versatile parsed
     */
    public record RangeCase(List<RangeEvent> events, String vers, Vers parsed, PackageEntries ours) {}

    private final Corpus.Ecosystem ecosystem;
    private final VersionScheme scheme;
    private final List<String> versions;
    private final List<String> rejectedByOurs = new ArrayList<>();
    private final List<String> rejectedByVersatile = new ArrayList<>();
    private final List<String> comparable = new ArrayList<>();
    private final List<String> versatileThrows = new ArrayList<>();
    private final List<RangeCase> ranges = new ArrayList<>();
    private final List<String> rangesVersatileRejects = new ArrayList<>();

    private VersatileWorkload(Corpus.Ecosystem ecosystem) {
        this.ecosystem = ecosystem;
        this.scheme = VersionSchemes.forEcosystem(ecosystem.osv());
        this.versions = new ArrayList<>();
    }

    /**
     * @param generated how many generated versions to add to the fixture ones
     * @param rangeCount how many ranges to draw
     */
    public static VersatileWorkload build(String label, int generated, int rangeCount, long seed) {
        VersatileWorkload w = new VersatileWorkload(Corpus.ecosystem(label));
        for (String v : Corpus.versions(w.ecosystem, generated, seed)) {
            boolean ours = w.oursAccepts(v);
            boolean theirs = w.versatileAccepts(v);
            if (!ours) w.rejectedByOurs.add(v);
            if (!theirs) w.rejectedByVersatile.add(v);
            if (ours && theirs) w.versions.add(v);
        }
        for (String v : w.versions) {
            if (w.versatileCompares(v)) w.comparable.add(v);
            else w.versatileThrows.add(v);
        }
        w.drawRanges(rangeCount, new SplittableRandom(seed + 1));
        return w;
    }

    public Corpus.Ecosystem ecosystem() {
        return ecosystem;
    }

    public VersionScheme scheme() {
        return scheme;
    }

    /** The versions both libraries accept, in corpus order. */
    public List<String> versions() {
        return versions;
    }

    /**
     * The versions versatile also compares without throwing (it parses some lazily and fails on the first
     * comparison, e.g. a number past 64 bits): the benchmark's inputs, and the bounds of the ranges.
     */
    public List<String> comparable() {
        return comparable;
    }

    /** Versions versatile parses but throws on when comparing them. */
    public List<String> versatileThrows() {
        return versatileThrows;
    }

    public List<String> rejectedByOurs() {
        return rejectedByOurs;
    }

    public List<String> rejectedByVersatile() {
        return rejectedByVersatile;
    }

    public List<RangeCase> ranges() {
        return ranges;
    }

    /** Ranges our order writes ascending that versatile refuses to parse (its order sees them out of order). */
    public List<String> rangesVersatileRejects() {
        return rangesVersatileRejects;
    }

    /** Our order of two versions: parse both, compare. */
    public int compareOurs(String a, String b) throws InvalidVersionException {
        return Integer.signum(scheme.parse(a).compareTo(scheme.parse(b)));
    }

    /** Versatile's order of two versions: parse both, compare. */
    public int compareVersatile(String a, String b) {
        return Integer.signum(VersionFactory.forScheme(ecosystem.vers(), a)
                .compareTo(VersionFactory.forScheme(ecosystem.vers(), b)));
    }

    /** Our verdict: parse the version, find its position among the range's boundaries, run the compiled range. */
    public static boolean oursContains(VersionScheme scheme, PackageEntries range, String version)
            throws InvalidVersionException {
        Version v = scheme.parse(version);
        return range.entries().get(0).affectsAt(range.positions().position(v), v.text());
    }

    public boolean oursContains(RangeCase range, String version) throws InvalidVersionException {
        return oursContains(scheme, range.ours(), version);
    }

    private boolean oursAccepts(String v) {
        try {
            scheme.parse(v);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    private boolean versatileAccepts(String v) {
        try {
            VersionFactory.forScheme(ecosystem.vers(), v);
            return true;
        } catch (RuntimeException e) {
            // versatile signals a bad version with its own InvalidVersionException or the parser's exception.
            return false;
        }
    }

    /** A plain version every scheme here accepts, to find the versions versatile cannot compare. */
    private static final String REFERENCE = "1.0.0";

    private boolean versatileCompares(String v) {
        try {
            var parsed = VersionFactory.forScheme(ecosystem.vers(), v);
            var reference = VersionFactory.forScheme(ecosystem.vers(), REFERENCE);
            parsed.compareTo(reference);
            reference.compareTo(parsed);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Ranges of one or two intervals whose bounds are distinct versions of the corpus, in our order: introduced
     * (sometimes "0"), then fixed or last_affected, and sometimes an open last interval.
     */
    private void drawRanges(int count, SplittableRandom random) {
        List<Version> sorted = sortedDistinct();
        if (sorted.size() < 6) throw new IllegalStateException(ecosystem.label() + ": too few versions");
        List<Vulnerability> records = new ArrayList<>();
        List<List<RangeEvent>> allEvents = new ArrayList<>();
        List<String> allVers = new ArrayList<>();
        List<Vers> allParsed = new ArrayList<>();
        int drawn = 0;
        while (allEvents.size() < count && drawn++ < count * 4) {
            int intervals = 1 + (random.nextInt(3) == 0 ? 1 : 0);
            int[] at = random.ints(intervals * 2L, 0, sorted.size()).distinct().sorted().toArray();
            if (at.length < intervals * 2) continue;
            List<RangeEvent> events = new ArrayList<>();
            List<String> constraints = new ArrayList<>();
            for (int i = 0; i < intervals; i++) {
                String low = sorted.get(at[2 * i]).text();
                String high = sorted.get(at[2 * i + 1]).text();
                if (i == 0 && random.nextInt(4) == 0) {
                    events.add(RangeEvent.introduced("0"));
                } else {
                    events.add(RangeEvent.introduced(low));
                    constraints.add(">=" + encode(low));
                }
                boolean last = i == intervals - 1;
                if (last && random.nextInt(6) == 0) continue; // still affected: no fix yet
                if (random.nextInt(5) == 0) {
                    events.add(RangeEvent.lastAffected(high));
                    constraints.add("<=" + encode(high));
                } else {
                    events.add(RangeEvent.fixed(high));
                    constraints.add("<" + encode(high));
                }
            }
            String vers = "vers:" + ecosystem.vers() + "/" + (constraints.isEmpty() ? "*" : String.join("|", constraints));
            Vers parsed;
            try {
                parsed = Vers.parse(vers);
            } catch (RuntimeException e) {
                rangesVersatileRejects.add(vers + " (" + e.getMessage() + ")");
                continue;
            }
            int id = allEvents.size();
            allEvents.add(events);
            allVers.add(vers);
            allParsed.add(parsed);
            AffectedPackage affected = new AffectedPackage(ecosystem.osv(), packageName(id), null,
                    List.of(new AffectedRange(AffectedRange.Type.ECOSYSTEM, null, events)), List.of(), null);
            records.add(new Vulnerability("BENCH-" + id, List.of(), null, null, null, null, List.of(),
                    List.of(affected), List.of(), "versatile-comparison"));
        }
        AdvisoryIndex index = AdvisoryIndex.build(records);
        if (!index.problems().isEmpty()) throw new IllegalStateException("our index dropped ranges: " + index.problems());
        for (int i = 0; i < allEvents.size(); i++) {
            PackageEntries entries = index.candidates(ecosystem.osv(), packageName(i));
            if (entries.entries().size() != 1) throw new IllegalStateException("range " + i + " not indexed");
            ranges.add(new RangeCase(allEvents.get(i), allVers.get(i), allParsed.get(i), entries));
        }
    }

    private String packageName(int id) {
        return ecosystem.label().equals("Maven") ? "org.example:range-" + id : "range-" + id;
    }

    /** vers percent-encodes the characters it uses itself; versatile decodes them. */
    private static String encode(String version) {
        return URLEncoder.encode(version, StandardCharsets.UTF_8);
    }

    /** Our order, equal spellings collapsed; binary insertion as in PackagePositions (Maven's order is not transitive). */
    private List<Version> sortedDistinct() {
        List<Version> sorted = new ArrayList<>();
        for (String text : comparable) {
            Version v;
            try {
                v = scheme.parse(text);
            } catch (InvalidVersionException e) {
                throw new IllegalStateException(e);
            }
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).compareTo(v) < 0) lo = mid + 1;
                else hi = mid;
            }
            if (lo < sorted.size() && sorted.get(lo).compareTo(v) == 0) continue;
            sorted.add(lo, v);
        }
        return sorted;
    }
}
