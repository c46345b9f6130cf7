package org.patchgap.core.match;

import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersionFactory;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Ours against io.github.nscuro:versatile-core (Dependency-Track's version library), per ecosystem, on the same
 * inputs ({@link VersatileWorkload#comparable()}: the versions both parse and versatile compares without throwing). Like for like, both sides start from strings on every operation:
 *
 * <ul>
 *   <li>{@code order*}: one operation is one pair of version strings parsed and compared ({@code parse(a)
 *       .compareTo(parse(b))}); 1,000 random pairs of the corpus per invocation.
 *   <li>{@code range*}: one operation is "is version V in range R" for a version string V and a range parsed
 *       beforehand (versatile: {@link Vers#contains(String)}, which parses V and walks the constraints; ours:
 *       parse V, binary-search it among the range's boundaries, run the compiled range); 1,000 random (V, R)
 *       pairs per invocation.
 *   <li>{@code rangeOursParsedOnce}: ours as the matcher really runs, V parsed and positioned once per package
 *       (here: beforehand) and the check alone timed. versatile's public API has no pre-parsed check to set
 *       beside it, so this row is ours only.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class VersatileBenchmark {

    static final int PAIRS = 1_000;
    static final int CHECKS = 1_000;

    @Param({"Maven", "npm", "PyPI", "Debian", "RPM", "Go", "Alpine"})
    public String ecosystem;

    private VersionScheme scheme;
    private String versScheme;
    private String[] left;
    private String[] right;
    private String[] checkVersion;
    private PackageEntries[] checkOurs;
    private Vers[] checkVers;
    private int[] checkPosition;
    private String[] checkText;

    @Setup(Level.Trial)
    public void setUp() throws InvalidVersionException {
        VersatileWorkload w = VersatileWorkload.build(ecosystem, 200, 200, 42);
        scheme = w.scheme();
        versScheme = w.ecosystem().vers();
        List<String> versions = w.comparable();
        SplittableRandom random = new SplittableRandom(7);
        left = new String[PAIRS];
        right = new String[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            left[i] = versions.get(random.nextInt(versions.size()));
            right[i] = versions.get(random.nextInt(versions.size()));
        }
        List<VersatileWorkload.RangeCase> ranges = w.ranges();
        checkVersion = new String[CHECKS];
        checkOurs = new PackageEntries[CHECKS];
        checkVers = new Vers[CHECKS];
        checkPosition = new int[CHECKS];
        checkText = new String[CHECKS];
        for (int i = 0; i < CHECKS; i++) {
            VersatileWorkload.RangeCase range = ranges.get(random.nextInt(ranges.size()));
            String v = versions.get(random.nextInt(versions.size()));
            checkVersion[i] = v;
            checkOurs[i] = range.ours();
            checkVers[i] = range.parsed();
            Version parsed = scheme.parse(v);
            checkPosition[i] = range.ours().positions().position(parsed);
            checkText[i] = parsed.text();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int orderOurs() throws InvalidVersionException {
        int sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += scheme.parse(left[i]).compareTo(scheme.parse(right[i]));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int orderVersatile() {
        int sum = 0;
        for (int i = 0; i < PAIRS; i++) {
            sum += VersionFactory.forScheme(versScheme, left[i]).compareTo(VersionFactory.forScheme(versScheme, right[i]));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public int rangeOurs() throws InvalidVersionException {
        int affected = 0;
        for (int i = 0; i < CHECKS; i++) {
            if (VersatileWorkload.oursContains(scheme, checkOurs[i], checkVersion[i])) affected++;
        }
        return affected;
    }

    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public int rangeVersatile() {
        int affected = 0;
        for (int i = 0; i < CHECKS; i++) {
            if (checkVers[i].contains(checkVersion[i])) affected++;
        }
        return affected;
    }

    @Benchmark
    @OperationsPerInvocation(CHECKS)
    public int rangeOursParsedOnce() {
        int affected = 0;
        for (int i = 0; i < CHECKS; i++) {
            if (checkOurs[i].entries().get(0).affectsAt(checkPosition[i], checkText[i])) affected++;
        }
        return affected;
    }
}
