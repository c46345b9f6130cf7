package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Sends {@code [range, version]} questions, as JSON lines, to a driver that answers {@code true}, {@code false} or
 * {@code invalid} (the tool rejects the range) after a first line naming the tool's version, all in one process,
 * and fails listing every disagreement with our parser.
 */
final class RangeDifferential {

    /** One question. */
    record Case(String range, String version) {}

    /** What one run checked. */
    record Counts(int ranges, int invalidRanges, int cases) {}

    private RangeDifferential() {}

    /** Each range against {@code perRange} versions drawn from {@code versions} (fixed seed), plus the given cases. */
    static List<Case> cases(List<String> ranges, List<String> versions, int perRange, long seed, List<Case> extra) {
        Random random = new Random(seed);
        LinkedHashSet<Case> out = new LinkedHashSet<>(extra);
        for (String range : ranges) {
            for (int i = 0; i < perRange; i++) {
                out.add(new Case(range, versions.get(random.nextInt(versions.size()))));
            }
        }
        return List.copyOf(out);
    }

    static Counts assertAgreement(String tool, RangeSyntax syntax, VersionScheme scheme, List<String> command,
            List<Case> cases) {
        List<String> input = cases.stream()
                .map(c -> "[" + BatchProcess.json(c.range()) + "," + BatchProcess.json(c.version()) + "]").toList();
        return assertAnswers(tool, syntax, scheme, BatchProcess.run(command, input, 120), cases);
    }

    /** As above, for a tool already run: {@code output} is its version line, then one answer per case. */
    static Counts assertAnswers(String tool, RangeSyntax syntax, VersionScheme scheme, List<String> output,
            List<Case> cases) {
        List<String> input = cases.stream().map(Case::range).toList();
        assertThat(output).as("%s answered %d lines for %d questions", tool, output.size(), input.size())
                .hasSize(input.size() + 1);
        List<String> disagreements = new ArrayList<>();
        java.util.Map<String, java.util.Optional<VersionRange>> parsed = new java.util.HashMap<>();
        LinkedHashSet<String> ranges = new LinkedHashSet<>();
        LinkedHashSet<String> invalid = new LinkedHashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String theirs = output.get(i + 1);
            String ours = ours(parsed.computeIfAbsent(c.range(), r -> parse(syntax, r)), scheme, c);
            ranges.add(c.range());
            if (ours.equals("invalid")) invalid.add(c.range());
            if (!theirs.equals(ours)) {
                disagreements.add(BatchProcess.json(c.range()) + " contains " + BatchProcess.json(c.version()) + ": "
                        + tool + " " + output.get(0) + " says " + theirs + ", " + syntax.name() + " says " + ours);
            }
        }
        System.out.printf("range differential %s vs %s %s: %d ranges (%d invalid), %d cases, %d disagreements%n",
                syntax.name(), tool, output.get(0), ranges.size(), invalid.size(), cases.size(), disagreements.size());
        assertThat(disagreements).as("disagreements between %s and %s", syntax.name(), tool).isEmpty();
        return new Counts(ranges.size(), invalid.size(), cases.size());
    }

    private static java.util.Optional<VersionRange> parse(RangeSyntax syntax, String range) {
        try {
            return java.util.Optional.of(syntax.parse(range));
        } catch (InvalidRangeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String ours(java.util.Optional<VersionRange> parsed, VersionScheme scheme, Case c) {
        if (parsed.isEmpty()) return "invalid";
        VersionRange range = parsed.get();
        Version v;
        try {
            v = scheme.parse(c.version());
        } catch (InvalidVersionException e) {
            throw new IllegalArgumentException("generated an invalid " + scheme.name() + " version " + c.version(), e);
        }
        return String.valueOf(range.contains(v));
    }
}
