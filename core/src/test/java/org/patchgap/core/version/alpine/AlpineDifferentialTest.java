package org.patchgap.core.version.alpine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import org.patchgap.core.version.Differential;

/**
 * Our Alpine order against apk-tools' own {@code version.c}. apk-tools is not packaged for Debian, so the driver
 * ({@code differential/apk}) is built from a checkout named by {@code PATCHGAP_APK3_SRC} (apk-tools 3, today's
 * Alpine) and {@code PATCHGAP_APK2_SRC} (the 2.14 branch, Alpine up to 3.22); without them the tests skip, in CI
 * too (docs/ecosystems/alpine.md records the last run).
 */
class AlpineDifferentialTest {

    private static final AlpineVersionScheme SCHEME = AlpineVersionScheme.INSTANCE;
    /** A digit right after a letter: apk 3 refuses it, apk 2 reads a number (our choice). */
    private static final Pattern DIGIT_AFTER_LETTER = Pattern.compile("[a-z][0-9]");
    /** Where apk 2 and 3 disagree on valid versions: leading zeros (1.0 vs 1.00) and hashes (3 only). */
    private static final Pattern APK2_DIFFERS = Pattern.compile("\\.0[0-9]|\\.00|~|[a-z]0");
    /**
     * apk 3's grammar with digits after a letter: apk 2 also validates some text apk 3 reads as a tail
     * ({@code 1.0-r}, {@code 01.}, {@code 2.p1}), by its lexer's accidents; for those we follow apk 3.
     */
    private static final Pattern WITHOUT_TAIL = Pattern.compile("[0-9]+(?:\\.[0-9]+|[a-z][0-9]+)*[a-z]?"
            + "(?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)[0-9]*)*(?:~[0-9a-f]+)?(?:-r[0-9]+)?");

    @Example
    void apk3AgreesOnEveryVersionItValidates() {
        Path tool = driver("PATCHGAP_APK3_SRC");
        List<String> valid = validIn(tool, corpus());
        assertThat(valid).hasSizeGreaterThan(200);
        Differential.assertAgreement("apk-tools 3", SCHEME, List.of(tool.toString()), Map.of(), valid, false);
    }

    /** Tails (what apk calls an invalid token): wherever apk gives them an order, it is ours. */
    @Example
    void apk3OrdersTailsAsWeDoWhereverItOrdersThem() {
        Path tool = driver("PATCHGAP_APK3_SRC");
        List<String> corpus = corpus().stream().filter(v -> !DIGIT_AFTER_LETTER.matcher(v).find()).toList();
        List<String> input = new ArrayList<>();
        for (String a : corpus) {
            for (String b : corpus) {
                if (Differential.accepts(SCHEME, a) && Differential.accepts(SCHEME, b)) {
                    input.add("C\t" + a + "\t" + b);
                }
            }
        }
        List<String> answers = Differential.run(List.of(tool.toString()), Map.of(), input);
        assertThat(answers).hasSize(input.size());
        List<String> disagreements = new ArrayList<>();
        int ordered = 0;
        for (int i = 0; i < input.size(); i++) {
            String[] pair = input.get(i).split("\t", -1);
            int apk = Integer.parseInt(answers.get(i));
            int ours = Differential.compare(SCHEME, new Differential.Pair(pair[1], pair[2]));
            if (apk != 0) {
                ordered++;
                if (apk != ours) disagreements.add(pair[1] + " vs " + pair[2] + ": apk " + apk + ", ours " + ours);
            }
        }
        System.out.printf("differential Alpine tails vs apk-tools 3: %d pairs apk orders, %d disagreements%n",
                ordered, disagreements.size());
        assertThat(disagreements).isEmpty();
    }

    @Example
    void apk2AgreesOnDigitsAfterALetter() {
        Path tool = driver("PATCHGAP_APK2_SRC");
        List<String> corpus = corpus().stream()
                .filter(v -> !APK2_DIFFERS.matcher(v).find() && WITHOUT_TAIL.matcher(v).matches()).toList();
        List<String> valid = validIn(tool, corpus);
        assertThat(valid.stream().filter(v -> DIGIT_AFTER_LETTER.matcher(v).find())).hasSizeGreaterThan(30);
        Differential.assertAgreement("apk-tools 2", SCHEME, List.of(tool.toString()), Map.of(), valid, false);
    }

    private static List<String> corpus() {
        LinkedHashSet<String> corpus = new LinkedHashSet<>(
                Differential.fixtureVersions("alpine-order.txt", "alpine-invalid.txt"));
        corpus.addAll(Differential.sample(Differential.joined(6, "0", "1", "2", "10", "01", "00", ".", ".1", ".0",
                ".2", "a", "b", "p", "z", "p1", "a2", "_alpha", "_rc", "_p", "_git", "1", "~abc", "~0f", "-r0", "-r1",
                "-r10", "_x", "-", "+", "A"), 4000, 20261207L));
        return List.copyOf(corpus);
    }

    private static List<String> validIn(Path tool, List<String> versions) {
        List<String> input = versions.stream().map(v -> "V\t" + v).toList();
        List<String> answers = Differential.run(List.of(tool.toString()), Map.of(), input);
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            if (answers.get(i).equals("valid")) valid.add(versions.get(i));
        }
        return valid;
    }

    private static Path driver(String variable) {
        String checkout = System.getenv(variable);
        assumeTrue(checkout != null && Files.isRegularFile(Path.of(checkout, "src", "version.c")),
                "apk-tools differential skipped: set " + variable + " to an apk-tools checkout");
        Path binary = Path.of("target", "differential", "apkcompare-" + variable).toAbsolutePath();
        Path build = Differential.driver("apk/build.sh");
        Differential.driver("apk/apkcompare.c");
        List<String> output = Differential.run(List.of("/bin/sh", build.toString(), checkout, binary.toString()),
                Map.of(), List.of());
        assertThat(binary).as("build output: %s", output).isExecutable();
        return binary;
    }
}
