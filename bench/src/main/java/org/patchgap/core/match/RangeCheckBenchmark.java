package org.patchgap.core.match;

import java.util.ArrayList;
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
import org.patchgap.bench.SyntheticData;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.Target;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;
import org.patchgap.core.version.VersionSchemes;

/**
 * The matcher's inner loop alone: component x affected-range checks per second, i.e. evaluating whether an
 * installed version lies in an advisory's ranges, for 100k components against the affected entries that 50k
 * synthetic advisories index for their packages. Versions are parsed, candidates looked up and each version's
 * position among its package's boundaries found in the set-up (once per component in a real match), so this is
 * the cost of the check itself (the figure VISION.md aims at: 10 million per second per core).
 *
 * <p>It lives in the matcher's package to reach the package-private compiled form without widening its API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RangeCheckBenchmark {

    @Param({"Maven", "npm", "PyPI"})
    public String ecosystem;

    @Param({"100000"})
    public int components;

    private int[] positions;
    private String[] texts;
    private PackageEntries[] candidates;

    @Setup(Level.Trial)
    public void setUp() throws InvalidVersionException {
        int advisories = 50_000;
        int packages = advisories / 2;
        SyntheticData data = new SyntheticData(42, ecosystem);
        AdvisoryIndex index = AdvisoryIndex.build(data.advisories(advisories, packages));
        Target fleet = data.application(components, packages, 0.5);
        VersionScheme scheme = VersionSchemes.forEcosystem(ecosystem);
        List<Integer> at = new ArrayList<>();
        List<String> spelled = new ArrayList<>();
        List<PackageEntries> lists = new ArrayList<>();
        for (Component c : fleet.components()) {
            PackageEntries found = index.candidates(ecosystem, c.name());
            if (found.entries().isEmpty()) continue;
            Version v = scheme.parse(c.version());
            at.add(found.positions().position(v));
            spelled.add(v.text());
            lists.add(found);
        }
        positions = at.stream().mapToInt(Integer::intValue).toArray();
        texts = spelled.toArray(new String[0]);
        candidates = lists.toArray(new PackageEntries[0]);
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long checks;
        public long affected;
    }

    /**
     * What the matcher does first for every component: one pass over all of its package's ranges (one array)
     * deciding whether any entry affects it. Counted as one check per entry of the package.
     */
    @Benchmark
    public long checkEveryCandidate(Counts counts) {
        long affected = 0;
        long checks = 0;
        for (int i = 0; i < positions.length; i++) {
            PackageEntries entries = candidates[i];
            checks += entries.entries().size();
            if (entries.mayAffect(positions[i])) affected++;
        }
        counts.checks += checks;
        counts.affected += affected;
        return affected;
    }

    /** The same decision entry by entry (each entry's own array): the path taken for affected components. */
    @Benchmark
    public long checkEachEntry(Counts counts) {
        long affected = 0;
        long checks = 0;
        for (int i = 0; i < positions.length; i++) {
            for (CompiledPackage entry : candidates[i].entries()) {
                checks++;
                if (entry.affectsAt(positions[i], texts[i])) affected++;
            }
        }
        counts.checks += checks;
        counts.affected += affected;
        return affected;
    }
}
