package org.patchgap.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * Builds the corpus and the pairs a differential test sends, in one batch, to an ecosystem's own tool, and runs
 * the tool.
 *
 * <p>The pairs that matter most are neighbours in our order: when the tool agrees on every pair of neighbours of
 * our sorted corpus, it agrees with our order on the whole corpus (both are total orders), so a few thousand
 * neighbour pairs check millions of comparisons. Random pairs and pairs of rejected strings are added so that
 * far-apart comparisons and validity are checked too.
 *
 * <p>{@link #assertAgreement} is the all-pairs variant used by the RPM, RubyGems, Packagist, Go, crates.io, Hex and
 * CRAN tests: their drivers in {@code src/test/resources/differential} read {@code V<TAB>text} and
 * {@code C<TAB>a<TAB>b} lines and answer one line each, so one process checks every pair of a batch.
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

    /** What one batch compared. */
    public record Counts(int validity, int pairs) {}

    /**
     * Sends every version for a validity check (when {@code checkValidity}) and every pair of versions the scheme
     * accepts for an order check to {@code command}, in one process; fails listing every disagreement.
     */
    public static Counts assertAgreement(String tool, VersionScheme scheme, List<String> command,
            Map<String, String> environment, List<String> versions, boolean checkValidity) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(versions));
        List<String> accepted = new ArrayList<>();
        List<Version> parsed = new ArrayList<>();
        for (String v : distinct) {
            try {
                parsed.add(scheme.parse(v));
                accepted.add(v);
            } catch (InvalidVersionException e) {
                // Only a validity question for the tool.
            }
        }
        List<String> input = new ArrayList<>();
        if (checkValidity) {
            for (String v : distinct) input.add("V\t" + v);
        }
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i; j < accepted.size(); j++) {
                input.add("C\t" + accepted.get(i) + "\t" + accepted.get(j));
            }
        }
        List<String> output = run(command, environment, input);
        assertThat(output).as("%s answered %d lines for %d questions", tool, output.size(), input.size())
                .hasSize(input.size());

        List<String> disagreements = new ArrayList<>();
        int line = 0;
        if (checkValidity) {
            for (String v : distinct) {
                boolean toolValid = output.get(line++).equals("valid");
                if (toolValid != accepted.contains(v)) {
                    disagreements.add("'" + v + "': " + tool + (toolValid ? " accepts" : " rejects") + " it, "
                            + scheme.name() + (toolValid ? " rejects" : " accepts") + " it");
                }
            }
        }
        int pairs = 0;
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i; j < accepted.size(); j++) {
                String answer = output.get(line++);
                if (answer.equals("invalid")) {
                    if (!checkValidity) {
                        disagreements.add("'" + accepted.get(i) + "' or '" + accepted.get(j) + "': " + tool
                                + " rejects it, " + scheme.name() + " accepts it");
                    }
                    continue;
                }
                pairs++;
                Version a = parsed.get(i);
                Version b = parsed.get(j);
                int ours = Integer.signum(a.compareTo(b));
                String expected = answer.equals("none") ? "none" : String.valueOf(Integer.signum(Integer.parseInt(answer)));
                boolean consistent = a.equals(b) == (ours == 0) && (ours != 0 || a.hashCode() == b.hashCode());
                if (!expected.equals(String.valueOf(ours)) || !consistent) {
                    disagreements.add("'" + accepted.get(i) + "' vs '" + accepted.get(j) + "': " + tool + " says "
                            + expected + ", " + scheme.name() + " says " + ours
                            + (consistent ? "" : " (equals/hashCode inconsistent)"));
                }
            }
        }
        System.out.printf("differential %s vs %s: %d validity checks, %d ordered pairs, %d disagreements%n",
                scheme.name(), tool, checkValidity ? distinct.size() : 0, pairs, disagreements.size());
        assertThat(disagreements).as("disagreements between %s and %s", scheme.name(), tool).isEmpty();
        return new Counts(checkValidity ? distinct.size() : 0, pairs);
    }

    /** A batch of {@code count} versions for one differential run (one jqwik try = one tool process). */
    public static net.jqwik.api.Arbitrary<List<String>> batch(net.jqwik.api.Arbitrary<String> arbitrary, int count) {
        return arbitrary.list().ofSize(count).uniqueElements();
    }

    /** Concatenations of 1 to {@code max} pieces drawn from {@code pieces}. */
    public static net.jqwik.api.Arbitrary<String> joined(int max, String... pieces) {
        return net.jqwik.api.Arbitraries.of(pieces).list().ofMinSize(1).ofMaxSize(max).map(l -> String.join("", l));
    }

    /** Runs {@code command} with {@code input} on standard input; returns its standard output lines. */
    public static List<String> run(List<String> command, Map<String, String> environment, List<String> input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process p = builder.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            CompletableFuture<List<String>> stdout = CompletableFuture.supplyAsync(() -> readLines(p.getInputStream()));
            try (OutputStream os = p.getOutputStream();
                    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                for (String s : input) {
                    w.write(s);
                    w.write('\n');
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + stderr.join());
            }
            return stdout.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Copies a driver from the test resources into {@code target/differential} and returns its path. */
    public static Path driver(String resource) {
        try (InputStream in = Differential.class.getResourceAsStream("/differential/" + resource)) {
            if (in == null) throw new IllegalStateException("driver " + resource + " not on the test class path");
            Path file = Path.of("target", "differential", resource).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    private static List<String> readLines(InputStream in) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) lines.add(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
