package org.patchgap.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an ecosystem's own version code once for a whole batch of versions and checks that a scheme agrees with
 * it on every one: which texts are versions, and how every pair of them is ordered.
 *
 * <p>The tool is a driver from {@code src/test/resources/differential} (see its README.md) that reads
 * {@code V<TAB>text} and {@code C<TAB>a<TAB>b} lines and answers one line each.
 */
public final class Differential {

    private Differential() {}

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
