package org.patchgap.core.match;

import java.util.ArrayList;
import java.util.List;
import org.patchgap.bench.versatile.Corpus;
import org.patchgap.core.version.InvalidVersionException;

/**
 * Where our version schemes and versatile-core disagree, on the benchmark's inputs: every pair of versions both
 * accept (order), and every version against every range (verdict). Prints one table row per ecosystem and the
 * disagreeing cases, so that each can be settled with the ecosystem's own tool (docs/versions.md).
 *
 * <p>Usage: {@code java -cp benchmarks-versatile.jar org.patchgap.core.match.VersatileAgreement [ecosystem...]
 * [--show N]}.
 */
public final class VersatileAgreement {

    private VersatileAgreement() {}

    public static void main(String[] args) throws InvalidVersionException {
        List<String> labels = new ArrayList<>();
        int show = 20;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--show")) show = Integer.parseInt(args[++i]);
            else labels.add(args[i]);
        }
        if (labels.isEmpty()) Corpus.ECOSYSTEMS.forEach(e -> labels.add(e.label()));

        List<String> rows = new ArrayList<>();
        for (String label : labels) {
            VersatileWorkload w = VersatileWorkload.build(label, 200, 200, 42);
            List<String> versions = w.versions();
            java.util.Set<String> fixture = new java.util.HashSet<>(Corpus.fixtureVersions(w.ecosystem()));
            long pairs = 0;
            long pairsAgree = 0;
            long generatedPairs = 0;
            long generatedAgree = 0;
            List<String> orderCases = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                for (int j = i + 1; j < versions.size(); j++) {
                    String a = versions.get(i);
                    String b = versions.get(j);
                    int ours = w.compareOurs(a, b);
                    String theirs;
                    try {
                        theirs = symbol(w.compareVersatile(a, b));
                    } catch (RuntimeException e) {
                        theirs = "throws " + e.getClass().getSimpleName();
                    }
                    pairs++;
                    boolean generated = !fixture.contains(a) && !fixture.contains(b);
                    if (generated) generatedPairs++;
                    if (theirs.equals(symbol(ours))) {
                        pairsAgree++;
                        if (generated) generatedAgree++;
                    }
                    else orderCases.add(a + " " + symbol(ours) + " " + b + "   (versatile: " + theirs + ")");
                }
            }
            long checks = 0;
            long checksAgree = 0;
            List<String> rangeCases = new ArrayList<>();
            for (VersatileWorkload.RangeCase range : w.ranges()) {
                for (String v : versions) {
                    boolean ours = w.oursContains(range, v);
                    String theirs;
                    try {
                        theirs = String.valueOf(range.parsed().contains(v));
                    } catch (RuntimeException e) {
                        theirs = "throws " + e.getClass().getSimpleName();
                    }
                    checks++;
                    if (theirs.equals(String.valueOf(ours))) checksAgree++;
                    else rangeCases.add(v + " in " + range.vers() + ": ours " + ours + ", versatile " + theirs);
                }
            }
            System.out.printf("%n## %s: %d versions both accept, %d ranges%n", label, versions.size(), w.ranges().size());
            System.out.println("rejected by ours only:      " + minus(w.rejectedByOurs(), w.rejectedByVersatile()));
            System.out.println("rejected by versatile only: " + minus(w.rejectedByVersatile(), w.rejectedByOurs()));
            System.out.println("versatile throws comparing: " + w.versatileThrows());
            System.out.println("ranges versatile refuses:   " + w.rangesVersatileRejects().size());
            w.rangesVersatileRejects().stream().limit(show).forEach(r -> System.out.println("  " + r));
            System.out.printf("order disagreements: %d of %d pairs%n", orderCases.size(), pairs);
            orderCases.stream().limit(show).forEach(c -> System.out.println("  " + c));
            System.out.printf("range disagreements: %d of %d checks%n", rangeCases.size(), checks);
            rangeCases.stream().limit(show).forEach(c -> System.out.println("  " + c));
            rows.add(String.format("| %s | %d | %.2f %% | %.2f %% | %d | %.2f %% | %d / %d |", label, pairs,
                    100.0 * pairsAgree / pairs, 100.0 * generatedAgree / generatedPairs, checks, 100.0 * checksAgree / checks,
                    minus(w.rejectedByOurs(), w.rejectedByVersatile()).size(),
                    minus(w.rejectedByVersatile(), w.rejectedByOurs()).size()));
        }
        System.out.println();
        System.out.println("| ecosystem | pairs | order agreement | of which generated pairs only | checks | range agreement |"
                + " rejected only by ours / only by versatile |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String symbol(int c) {
        return c < 0 ? "<" : c > 0 ? ">" : "=";
    }

    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }
}
