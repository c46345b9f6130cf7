package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.Tuple;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.junit.jupiter.api.Test;
import org.patchgap.core.version.Differential;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.maven.MavenVersionScheme;

/**
 * Our Maven ranges against maven-artifact's own {@code VersionRange.createFromVersionSpec(r).containsVersion(v)},
 * in process (maven-artifact is already a dependency of core): generated ranges and every fixture line. The one
 * deliberate difference, a bare version, has its own test.
 */
class MavenRangeDifferentialTest {

    @Example
    void agreesWithMavenArtifact() {
        List<String> ranges = new ArrayList<>(Differential.sample(ranges(), 2000, 9));
        List<String> versions = Differential.sample(versions(), 300, 10);
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        int invalid = 0;
        java.util.Random random = new java.util.Random(11);
        List<String[]> pairs = new ArrayList<>();
        for (String r : ranges) {
            for (int i = 0; i < 12; i++) pairs.add(new String[] {r, versions.get(random.nextInt(versions.size()))});
        }
        for (RangeFixtures.Line line : RangeFixtures.read("maven.txt")) {
            if (!isBareVersion(line.field(0))) pairs.add(new String[] {line.field(0), line.field(1)});
        }
        for (RangeFixtures.Line line : RangeFixtures.read("maven-invalid.txt")) {
            if (!line.field(0).isEmpty()) pairs.add(new String[] {line.field(0), "1.0"});
        }
        for (String[] pair : pairs) {
            String theirs;
            try {
                var range = org.apache.maven.artifact.versioning.VersionRange.createFromVersionSpec(pair[0]);
                theirs = String.valueOf(range.containsVersion(new DefaultArtifactVersion(pair[1])));
            } catch (InvalidVersionSpecificationException e) {
                theirs = "invalid";
            }
            String ours;
            try {
                VersionRange range = MavenRangeSyntax.INSTANCE.parse(pair[0]);
                ours = String.valueOf(range.contains(MavenVersionScheme.INSTANCE.parse(pair[1])));
            } catch (InvalidRangeException e) {
                ours = "invalid";
                invalid++;
            } catch (InvalidVersionException e) {
                throw new IllegalArgumentException("generated an invalid Maven version " + pair[1], e);
            }
            cases++;
            if (!theirs.equals(ours)) {
                disagreements.add("'" + pair[0] + "' contains '" + pair[1] + "': maven-artifact says " + theirs
                        + ", we say " + ours);
            }
        }
        System.out.printf("range differential Maven vs maven-artifact: %d cases (%d invalid), %d disagreements%n",
                cases, invalid, disagreements.size());
        assertThat(disagreements).isEmpty();
        assertThat(invalid).isPositive().isLessThan(cases / 2);
    }

    /**
     * Maven reads a bare version as a soft requirement that every version satisfies; in a vulnerability range it
     * names the affected version, so we read it as exactly that version (docs/ranges.md).
     */
    @Test
    void bareVersionIsExactlyThatVersionNotMavensSoftRequirement() throws Exception {
        var maven = org.apache.maven.artifact.versioning.VersionRange.createFromVersionSpec("1.0");
        assertThat(maven.containsVersion(new DefaultArtifactVersion("2.0"))).isTrue();
        VersionRange ours = MavenRangeSyntax.INSTANCE.parse("1.0");
        Version two = MavenVersionScheme.INSTANCE.parse("2.0");
        assertThat(ours.contains(two)).isFalse();
        assertThat(ours.contains(MavenVersionScheme.INSTANCE.parse("1.0.0"))).isTrue();
    }

    private static boolean isBareVersion(String range) {
        return !range.isEmpty() && range.charAt(0) != '[' && range.charAt(0) != '(';
    }

    static Arbitrary<String> versions() {
        Arbitrary<String> n = Arbitraries.of("0", "1", "2", "3", "1.0", "2.0", "1.5", "1.0.0");
        Arbitrary<String> q = Arbitraries.of("", "", "", "-SNAPSHOT", "-alpha-1", "-rc1", ".Final", "-sp1", "-1");
        return Combinators.combine(n, q).as((a, b) -> a + b);
    }

    private static final List<String> LADDER = List.of("0.5", "1.0-alpha-1", "1.0-SNAPSHOT", "1.0", "1.0.1", "1.5",
            "2.0-rc1", "2.0", "2.5", "3.0", "3.0-sp1", "4.0");

    /** Mostly well-ordered restrictions (bounds climbing a ladder of versions), sometimes arbitrary ones. */
    static Arbitrary<String> ranges() {
        Arbitrary<String> ordered = Arbitraries.integers().between(0, LADDER.size()).list().ofMinSize(2).ofMaxSize(6)
                .flatMap(ints -> {
                    List<Integer> sorted = ints.stream().sorted().toList();
                    return Arbitraries.of("[", "(").list().ofSize(sorted.size()).flatMap(brackets ->
                            Arbitraries.of(",", ", ", "").map(sep -> ladder(sorted, brackets, sep)));
                });
        Arbitrary<String> v = Arbitraries.frequencyOf(Tuple.of(5, versions()), Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> arbitrary = Combinators.combine(Arbitraries.of("[", "("), v, v, Arbitraries.of("]", ")"))
                .as((o, a, b, c) -> o + a + "," + b + c);
        Arbitrary<String> single = Combinators.combine(Arbitraries.of("[", "("), versions(), Arbitraries.of("]", ")"))
                .as((o, a, c) -> o + a + c);
        return Arbitraries.frequencyOf(Tuple.of(8, ordered), Tuple.of(1, arbitrary), Tuple.of(1, single));
    }

    /** Restrictions from pairs of ladder positions; position LADDER.size() means "no bound". */
    private static String ladder(List<Integer> positions, List<String> brackets, String separator) {
        List<String> restrictions = new ArrayList<>();
        for (int i = 0; i + 1 < positions.size(); i += 2) {
            int low = positions.get(i);
            int high = positions.get(i + 1);
            String lower = low == LADDER.size() || (i == 0 && brackets.get(i).equals("(") && low == 0) ? ""
                    : LADDER.get(low);
            String upper = high == LADDER.size() ? "" : LADDER.get(high);
            String open = lower.isEmpty() ? "(" : brackets.get(i);
            String close = upper.isEmpty() ? ")" : brackets.get(i + 1).equals("[") ? "]" : ")";
            restrictions.add(open + lower + "," + upper + close);
        }
        return String.join(separator, restrictions);
    }
}
