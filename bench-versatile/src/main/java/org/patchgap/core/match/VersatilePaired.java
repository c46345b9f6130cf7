package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.patchgap.bench.versatile.Corpus;

/**
 * The {@link VersatileBenchmark} workloads timed in alternating short slices, ours then versatile, many rounds,
 * reporting each side's median: on a shared machine whose load changes from second to second (where JMH's
 * one-after-the-other trials of a few seconds each can differ by 2x from run to run), both sides see the same
 * load, so the ratio holds even when the absolute numbers move. Same inputs and same operations as the JMH class.
 *
 * <p>Usage: {@code java -cp benchmarks-versatile.jar org.patchgap.core.match.VersatilePaired [ecosystem...]}.
 */
public final class VersatilePaired {

    private static final long SLICE_NANOS = 20_000_000L;
    private static final int ROUNDS = 40;
    private static final long WARMUP_NANOS = 3_000_000_000L;

    private static long sink;

    private VersatilePaired() {}

    public static void main(String[] args) throws Exception {
        List<String> labels = new ArrayList<>(Arrays.asList(args));
        if (labels.isEmpty()) Corpus.ECOSYSTEMS.forEach(e -> labels.add(e.label()));
        System.out.println("| ecosystem | ours order pairs/s | versatile order pairs/s | ratio | ours range checks/s"
                + " | versatile range checks/s | ratio |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String label : labels) {
            VersatileBenchmark b = new VersatileBenchmark();
            b.ecosystem = label;
            b.setUp();
            double[] order = paired(b::orderOurs, b::orderVersatile, VersatileBenchmark.PAIRS);
            double[] range = paired(b::rangeOurs, b::rangeVersatile, VersatileBenchmark.CHECKS);
            System.out.printf("| %s | %,.0f | %,.0f | %.1fx | %,.0f | %,.0f | %.1fx |%n", label, order[0], order[1],
                    order[0] / order[1], range[0], range[1], range[0] / range[1]);
        }
        if (sink == 42) System.out.println();
    }

    /** Median operations per second of each side over alternating slices. */
    private static double[] paired(Callable<Integer> ours, Callable<Integer> theirs, int opsPerCall) throws Exception {
        slice(ours, WARMUP_NANOS, opsPerCall);
        slice(theirs, WARMUP_NANOS, opsPerCall);
        double[] a = new double[ROUNDS];
        double[] b = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            a[r] = slice(ours, SLICE_NANOS, opsPerCall);
            b[r] = slice(theirs, SLICE_NANOS, opsPerCall);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[] {a[ROUNDS / 2], b[ROUNDS / 2]};
    }

    private static double slice(Callable<Integer> work, long nanos, int opsPerCall) throws Exception {
        long start = System.nanoTime();
        long calls = 0;
        long now;
        do {
            sink += work.call();
            calls++;
            now = System.nanoTime();
        } while (now - start < nanos);
        return calls * (double) opsPerCall / ((now - start) / 1e9);
    }
}
