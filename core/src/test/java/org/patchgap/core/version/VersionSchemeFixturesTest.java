package org.patchgap.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.deb.DebianVersionScheme;
import org.patchgap.core.version.generic.GenericVersionScheme;
import org.patchgap.core.version.maven.MavenVersionScheme;
import org.patchgap.core.version.npm.NpmVersionScheme;
import org.patchgap.core.version.pypi.PypiVersionScheme;

/**
 * The version fixture files, one test per line: {@code <ecosystem>-order.txt} holds comparisons such as
 * {@code 1.0~rc1 < 1.0} (chains allowed: {@code a < b = c}), each checked in both directions, with equality also
 * checked against {@code equals} and {@code hashCode}; {@code <ecosystem>-invalid.txt} holds strings the scheme
 * must reject.
 */
class VersionSchemeFixturesTest {

    private static final Map<String, VersionScheme> SCHEMES = Map.of(
            "debian", DebianVersionScheme.INSTANCE,
            "generic", GenericVersionScheme.INSTANCE,
            "maven", MavenVersionScheme.INSTANCE,
            "npm", NpmVersionScheme.INSTANCE,
            "pypi", PypiVersionScheme.INSTANCE);

    @TestFactory
    Stream<DynamicNode> order() {
        return SCHEMES.keySet().stream().sorted().map(name -> {
            VersionScheme scheme = SCHEMES.get(name);
            String file = name + "-order.txt";
            List<DynamicNode> tests = new ArrayList<>();
            for (VersionFixtures.Line line : VersionFixtures.read(file)) {
                tests.add(dynamicTest(file + ":" + line.number() + "  " + line.raw(), () -> checkChain(scheme, line)));
            }
            return dynamicContainer(file, tests);
        });
    }

    @TestFactory
    Stream<DynamicNode> invalid() {
        return SCHEMES.keySet().stream().sorted().map(name -> {
            VersionScheme scheme = SCHEMES.get(name);
            String file = name + "-invalid.txt";
            List<DynamicNode> tests = new ArrayList<>();
            for (VersionFixtures.Line line : VersionFixtures.read(file)) {
                String text = line.tokens().get(0);
                tests.add(dynamicTest(file + ":" + line.number() + "  " + line.raw(), () ->
                        assertThatThrownBy(() -> scheme.parse(text))
                                .isInstanceOf(InvalidVersionException.class)
                                .hasMessageStartingWith("invalid " + scheme.name() + " version '" + text + "': ")
                                .satisfies(e -> assertThat(((InvalidVersionException) e).text()).isEqualTo(text))));
            }
            return dynamicContainer(file, tests);
        });
    }

    private static void checkChain(VersionScheme scheme, VersionFixtures.Line line) throws InvalidVersionException {
        List<String> t = line.tokens();
        if (t.size() < 3 || t.size() % 2 == 0) {
            throw new IllegalArgumentException("line " + line.number() + ": expected 'a < b', 'a = b' or 'a > b'");
        }
        for (int i = 1; i < t.size(); i += 2) {
            Version a = scheme.parse(t.get(i - 1));
            Version b = scheme.parse(t.get(i + 1));
            int expected = switch (t.get(i)) {
                case "<" -> -1;
                case "=" -> 0;
                case ">" -> 1;
                default -> throw new IllegalArgumentException("line " + line.number() + ": unknown operator " + t.get(i));
            };
            assertThat(Integer.signum(a.compareTo(b))).as("%s %s %s", a, t.get(i), b).isEqualTo(expected);
            assertThat(Integer.signum(b.compareTo(a))).as("reversed: %s vs %s", b, a).isEqualTo(-expected);
            assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(expected == 0);
            if (expected == 0) {
                assertThat(a.hashCode()).as("hash of %s and %s", a, b).isEqualTo(b.hashCode());
            }
        }
    }
}
