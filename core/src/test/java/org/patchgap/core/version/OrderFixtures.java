package org.patchgap.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Reads version fixture files that read like documentation and turns each line into a test.
 *
 * <p>Order files ({@code versions/<eco>-order.txt}) hold one comparison a line, {@code A < B}, {@code A = B} or
 * {@code A > B}, with {@code #} comments (a whole line, or after whitespace at the end of a line). Each line is
 * checked in both directions, and {@code equals}/{@code hashCode} are checked against the expected result.
 *
 * <p>Invalid files ({@code versions/<eco>-invalid.txt}) hold one version a line that the scheme must reject. A
 * version written in double quotes is taken exactly as quoted, so that blanks and leading spaces can be listed.
 */
public final class OrderFixtures {

    private static final Pattern COMPARISON = Pattern.compile("^(\\S+)\\s+([<=>])\\s+(\\S+)$");

    private OrderFixtures() {}

    /** One test per comparison line of {@code resource}. */
    public static Stream<DynamicTest> order(VersionScheme scheme, String resource) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Line line : lines(resource)) {
            Matcher m = COMPARISON.matcher(line.text());
            if (!m.matches()) {
                throw new IllegalStateException(resource + " line " + line.number()
                        + ": expected 'A < B', 'A = B' or 'A > B' but found '" + line.text() + "'");
            }
            String a = m.group(1);
            String b = m.group(3);
            int expected = switch (m.group(2)) {
                case "<" -> -1;
                case ">" -> 1;
                default -> 0;
            };
            tests.add(DynamicTest.dynamicTest(
                    "line " + line.number() + ": " + line.text(), () -> assertOrder(scheme, a, b, expected)));
        }
        return tests.stream();
    }

    /** One test per line of {@code resource}: the scheme rejects the version with a reason naming it. */
    public static Stream<DynamicTest> invalid(VersionScheme scheme, String resource) {
        return lines(resource).stream().map(line -> {
            String text = unquote(line.text());
            return DynamicTest.dynamicTest("line " + line.number() + ": " + line.text(),
                    () -> assertThatThrownBy(() -> scheme.parse(text))
                            .isInstanceOf(InvalidVersionException.class)
                            .hasMessageContaining(scheme.name()));
        });
    }

    /**
     * Checks the laws of a total order on every version named in {@code resource}: antisymmetry, transitivity,
     * and equals/hashCode agreeing with compareTo. A scheme can agree with each fixture line and still break
     * these (and so break sorting and hash maps).
     */
    public static void assertOrderLaws(VersionScheme scheme, String resource) throws InvalidVersionException {
        List<Version> versions = new ArrayList<>();
        for (Line line : lines(resource)) {
            Matcher m = COMPARISON.matcher(line.text());
            if (m.matches()) {
                versions.add(scheme.parse(m.group(1)));
                versions.add(scheme.parse(m.group(3)));
            }
        }
        int n = versions.size();
        int[][] sign = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Version a = versions.get(i);
                Version b = versions.get(j);
                sign[i][j] = Integer.signum(a.compareTo(b));
                assertThat(sign[i][j]).as("antisymmetry of %s and %s", a, b).isEqualTo(-Integer.signum(b.compareTo(a)));
                assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(sign[i][j] == 0);
                if (sign[i][j] == 0) {
                    assertThat(a.hashCode()).as("hashCode of %s and %s", a, b).isEqualTo(b.hashCode());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (sign[i][j] > 0) continue;
                for (int k = 0; k < n; k++) {
                    if (sign[j][k] <= 0 && sign[i][k] > 0) {
                        throw new AssertionError("not transitive: " + versions.get(i) + " <= " + versions.get(j)
                                + " <= " + versions.get(k) + " but " + versions.get(i) + " > " + versions.get(k));
                    }
                }
            }
        }
    }

    /** Asserts that {@code a} compares to {@code b} as {@code expected} (-1, 0, 1), both ways, with equals/hashCode. */
    public static void assertOrder(VersionScheme scheme, String a, String b, int expected) throws Exception {
        Version va = scheme.parse(a);
        Version vb = scheme.parse(b);
        assertThat(Integer.signum(va.compareTo(vb))).as("%s vs %s", a, b).isEqualTo(expected);
        assertThat(Integer.signum(vb.compareTo(va))).as("%s vs %s", b, a).isEqualTo(-expected);
        assertThat(va.equals(vb)).as("%s equals %s", a, b).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(va.hashCode()).as("hashCode of %s and %s", a, b).isEqualTo(vb.hashCode());
        }
        assertThat(va.toString()).isEqualTo(a);
        assertThat(va.text()).isEqualTo(a);
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private record Line(int number, String text) {}

    private static List<Line> lines(String resource) {
        InputStream in = OrderFixtures.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalStateException("fixture " + resource + " not found on the test class path");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                String text = stripComment(raw).strip();
                if (!text.isEmpty()) {
                    lines.add(new Line(number, text));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** A comment is a line starting with '#', or a '#' preceded by whitespace; '#' inside a version stays. */
    private static String stripComment(String raw) {
        if (raw.stripLeading().startsWith("#")) {
            return "";
        }
        Matcher m = Pattern.compile("\\s#").matcher(raw);
        return m.find() ? raw.substring(0, m.start()) : raw;
    }
}
