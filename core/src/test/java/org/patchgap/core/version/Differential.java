package org.patchgap.core.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * Builds the corpus and the pairs a differential test sends, in one batch, to an ecosystem's own tool.
 *
 * <p>The pairs that matter most are neighbours in our order: when the tool agrees on every pair of neighbours of
 * our sorted corpus, it agrees with our order on the whole corpus (both are total orders), so a few thousand
 * neighbour pairs check millions of comparisons. Random pairs and pairs of rejected strings are added so that
 * far-apart comparisons and validity are checked too.
 */
public final class Differential {

    /** One comparison to send to the tool. */
    public record Pair(String a, String b) {}

    /** What the test sends: the pairs, and how many distinct strings they cover. */
    public record Batch(List<Pair> pairs, int strings, int valid) {}

    private Differential() {}

    /**
     * {@code count} strings from {@code arbitrary}, the same ones on every run (fixed seed). Call it from a jqwik
     * {@code @Example}: jqwik generators only run on its threads.
     */
    public static List<String> sample(Arbitrary<String> arbitrary, int count, long seed) {
        RandomGenerator<String> generator = arbitrary.generator(1000);
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.next(random).value());
        }
        return out;
    }

    /** The tokens (versions) of the fixture files of one ecosystem: hand-picked tricky cases. */
    public static List<String> fixtureVersions(String... files) {
        List<String> out = new ArrayList<>();
        for (String file : files) {
            for (VersionFixtures.Line line : VersionFixtures.read(file)) {
                List<String> tokens = line.tokens();
                boolean chain = tokens.size() >= 3 && List.of("<", "=", ">", "->").contains(tokens.get(1));
                for (int i = 0; i < tokens.size(); i += chain ? 2 : tokens.size()) {
                    out.add(tokens.get(i));
                }
            }
        }
        return out;
    }

    /**
     * Pairs for {@code corpus}: each version our scheme accepts with its neighbour in our order, {@code random}
     * random pairs of accepted versions, and the rejected strings two by two.
     */
    public static Batch pairs(VersionScheme scheme, List<String> corpus, int random, long seed) {
        Set<String> distinct = new LinkedHashSet<>(corpus);
        List<Version> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String s : distinct) {
            try {
                valid.add(scheme.parse(s));
            } catch (InvalidVersionException e) {
                invalid.add(s);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        List<Version> sorted = new ArrayList<>(valid);
        try {
            sorted.sort(Comparator.naturalOrder());
        } catch (IllegalArgumentException notTransitive) {
            // Maven's order is not transitive, and TimSort may notice: then neighbours are simply corpus order.
            sorted = new ArrayList<>(valid);
        }
        for (int i = 1; i < sorted.size(); i++) {
            pairs.add(new Pair(sorted.get(i - 1).text(), sorted.get(i).text()));
        }
        Random r = new Random(seed);
        for (int i = 0; i < random && valid.size() > 1; i++) {
            pairs.add(new Pair(valid.get(r.nextInt(valid.size())).text(), valid.get(r.nextInt(valid.size())).text()));
        }
        for (int i = 0; i < invalid.size(); i += 2) {
            pairs.add(new Pair(invalid.get(i), invalid.get(Math.min(i + 1, invalid.size() - 1))));
        }
        return new Batch(List.copyOf(pairs), distinct.size(), valid.size());
    }

    /** Our answer for a pair: -1, 0 or 1, or {@code null} when either side is invalid. */
    public static Integer compare(VersionScheme scheme, Pair pair) {
        try {
            return Integer.signum(scheme.parse(pair.a()).compareTo(scheme.parse(pair.b())));
        } catch (InvalidVersionException e) {
            return null;
        }
    }

    /** Whether our scheme accepts {@code text}. */
    public static boolean accepts(VersionScheme scheme, String text) {
        try {
            scheme.parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }
}
