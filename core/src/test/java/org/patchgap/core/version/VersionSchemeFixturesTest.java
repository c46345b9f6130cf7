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
import org.patchgap.core.version.alpine.AlpineVersionScheme;
import org.patchgap.core.version.cran.CranVersionScheme;
import org.patchgap.core.version.cratesio.CratesIoVersionScheme;
import org.patchgap.core.version.deb.DebianVersionScheme;
import org.patchgap.core.version.generic.GenericVersionScheme;
import org.patchgap.core.version.go.GoVersionScheme;
import org.patchgap.core.version.hackage.HackageVersionScheme;
import org.patchgap.core.version.hex.HexVersionScheme;
import org.patchgap.core.version.maven.MavenVersionScheme;
import org.patchgap.core.version.npm.NpmVersionScheme;
import org.patchgap.core.version.nuget.NuGetVersionScheme;
import org.patchgap.core.version.packagist.PackagistVersionScheme;
import org.patchgap.core.version.pub.PubVersionScheme;
import org.patchgap.core.version.pypi.PypiVersionScheme;
import org.patchgap.core.version.rpm.RpmVersionScheme;
import org.patchgap.core.version.rubygems.RubyGemsVersionScheme;
import org.patchgap.core.version.swifturl.SwiftUrlVersionScheme;
import org.patchgap.core.version.windows.WindowsVersionScheme;

/**
 * The version fixture files, one test per line: {@code <ecosystem>-order.txt} holds comparisons such as
 * {@code 1.0~rc1 < 1.0} (chains allowed: {@code a < b = c}), each checked in both directions, with equality also
 * checked against {@code equals} and {@code hashCode}; {@code <ecosystem>-invalid.txt} holds strings the scheme
 * must reject. Every version named in an order file is also checked against the laws of a total order
 * ({@link #orderLaws}): a scheme can agree with each line and still break sorting and hash maps.
 */
class VersionSchemeFixturesTest {

    private static final Map<String, VersionScheme> SCHEMES = Map.ofEntries(
            Map.entry("alpine", AlpineVersionScheme.INSTANCE),
            Map.entry("cran", CranVersionScheme.INSTANCE),
            Map.entry("cratesio", CratesIoVersionScheme.INSTANCE),
            Map.entry("debian", DebianVersionScheme.INSTANCE),
            Map.entry("generic", GenericVersionScheme.INSTANCE),
            Map.entry("go", GoVersionScheme.INSTANCE),
            Map.entry("hackage", HackageVersionScheme.INSTANCE),
            Map.entry("hex", HexVersionScheme.INSTANCE),
            Map.entry("maven", MavenVersionScheme.INSTANCE),
            Map.entry("npm", NpmVersionScheme.INSTANCE),
            Map.entry("nuget", NuGetVersionScheme.INSTANCE),
            Map.entry("packagist", PackagistVersionScheme.INSTANCE),
            Map.entry("pub", PubVersionScheme.INSTANCE),
            Map.entry("pypi", PypiVersionScheme.INSTANCE),
            Map.entry("rpm", RpmVersionScheme.INSTANCE),
            Map.entry("rubygems", RubyGemsVersionScheme.INSTANCE),
            Map.entry("swifturl", SwiftUrlVersionScheme.INSTANCE),
            Map.entry("windows", WindowsVersionScheme.INSTANCE));

    /** Maven's own order is not transitive (docs/versions.md, "Maven"), so its fixtures are not checked for it. */
    private static final java.util.Set<String> NOT_TRANSITIVE = java.util.Set.of("maven");

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

    @TestFactory
    Stream<DynamicNode> orderLaws() {
        return SCHEMES.keySet().stream().sorted().filter(name -> !NOT_TRANSITIVE.contains(name))
                .map(name -> dynamicTest(name + "-order.txt: total order, equals and hashCode",
                        () -> checkOrderLaws(SCHEMES.get(name), name + "-order.txt")));
    }

    /** Antisymmetry, transitivity and equals/hashCode agreeing with compareTo on every pair and triple. */
    private static void checkOrderLaws(VersionScheme scheme, String file) throws InvalidVersionException {
        List<Version> versions = new ArrayList<>();
        for (VersionFixtures.Line line : VersionFixtures.read(file)) {
            for (int i = 0; i < line.tokens().size(); i += 2) {
                versions.add(scheme.parse(line.tokens().get(i)));
            }
        }
        int n = versions.size();
        int[][] sign = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Version a = versions.get(i);
                Version b = versions.get(j);
                sign[i][j] = Integer.signum(a.compareTo(b));
                assertThat(Integer.signum(b.compareTo(a))).as("antisymmetry of %s and %s", a, b).isEqualTo(-sign[i][j]);
                assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(sign[i][j] == 0);
                if (sign[i][j] == 0) {
                    assertThat(a.hashCode()).as("hash of %s and %s", a, b).isEqualTo(b.hashCode());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; sign[i][j] <= 0 && k < n; k++) {
                    if (sign[j][k] <= 0 && sign[i][k] > 0) {
                        throw new AssertionError("not transitive: " + versions.get(i) + " <= " + versions.get(j)
                                + " <= " + versions.get(k) + " but " + versions.get(i) + " > " + versions.get(k));
                    }
                }
            }
        }
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
