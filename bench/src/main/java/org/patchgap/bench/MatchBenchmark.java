package org.patchgap.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.patchgap.core.match.MatchReport;
import org.patchgap.core.match.Matcher;
import org.patchgap.core.model.Target;

/**
 * Matching throughput: 100k components against 50k synthetic advisories, one thread.
 *
 * <p>Reported per second: whole matches of the 100k-component fleet ({@code thrpt}), and, as auxiliary
 * counters, the component x affected-range evaluations ({@code rangeChecks}) and components ({@code components})
 * that those matches performed. Index lookups mean most of the 100k x 50k pairs are never evaluated; the range
 * checks are the ones a component's package actually has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {

    @Param({"Maven", "npm", "PyPI"})
    public String ecosystem;

    @Param({"100000"})
    public int components;

    @Param({"50000"})
    public int advisories;

    private Matcher matcher;
    private List<Target> fleet;

    @Setup(Level.Trial)
    public void setUp() {
        int packages = advisories / 2;
        SyntheticData data = new SyntheticData(42, ecosystem);
        matcher = Matcher.of(data.advisories(advisories, packages));
        fleet = List.of(data.application(components, packages, 0.5));
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long rangeChecks;
        public long components;
    }

    @Benchmark
    public MatchReport matchFleet(Counts counts) {
        MatchReport report = matcher.match(fleet);
        counts.rangeChecks += report.rangeChecks();
        counts.components += report.componentsMatched() + report.componentsUnmatchable();
        return report;
    }
}
