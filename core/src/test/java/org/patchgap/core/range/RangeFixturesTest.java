package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.version.VersionSchemes;

/** Every line of every range fixture file: {@code RANGE ; VERSION ; true|false} and invalid ranges. */
class RangeFixturesTest {

    /** Fixture file stem and the ecosystem its ranges and versions belong to ({@code null}: from the vers URI). */
    private record Syntax(String file, String ecosystem) {}

    private static final List<Syntax> SYNTAXES = List.of(
            new Syntax("vers", null), new Syntax("npm", "npm"), new Syntax("pep440", "PyPI"),
            new Syntax("maven", "Maven"), new Syntax("rubygems", "RubyGems"),
            new Syntax("cargo", "crates.io"), new Syntax("composer", "Packagist"),
            new Syntax("nuget", "NuGet"));

    @TestFactory
    Stream<DynamicNode> fixtures() {
        List<DynamicNode> containers = new ArrayList<>();
        for (Syntax s : SYNTAXES) {
            List<DynamicNode> tests = new ArrayList<>();
            for (RangeFixtures.Line line : RangeFixtures.read(s.file() + ".txt")) {
                tests.add(DynamicTest.dynamicTest(s.file() + ".txt:" + line.number() + " " + line.raw().strip(), () -> {
                    String range = line.field(0);
                    String ecosystem = ecosystem(s, range);
                    var version = VersionSchemes.forEcosystem(ecosystem).parse(line.field(1));
                    boolean expected = Boolean.parseBoolean(line.field(2));
                    assertThat(line.field(2)).isIn("true", "false");
                    VersionRange parsed = RangeSyntaxes.parse(ecosystem, range);
                    assertThat(parsed.contains(version)).as("%s contains %s (parsed as %s)", range, line.field(1), parsed)
                            .isEqualTo(expected);
                }));
            }
            for (RangeFixtures.Line line : RangeFixtures.read(s.file() + "-invalid.txt")) {
                tests.add(DynamicTest.dynamicTest(s.file() + "-invalid.txt:" + line.number() + " " + line.raw().strip(),
                        () -> {
                            String range = line.field(0);
                            assertThatThrownBy(() -> {
                                if (s.ecosystem() == null) VersRangeSyntax.INSTANCE.parse(range);
                                else RangeSyntaxes.parse(s.ecosystem(), range);
                            })
                                    .isInstanceOf(InvalidRangeException.class)
                                    .hasMessageContaining(line.field(1))
                                    .hasMessageContaining("column ");
                        }));
            }
            containers.add(DynamicContainer.dynamicContainer(s.file(), tests));
        }
        return containers.stream();
    }

    private static String ecosystem(Syntax s, String range) {
        if (s.ecosystem() != null) return s.ecosystem();
        String scheme = VersRangeSyntax.schemeOf(range).orElseThrow();
        return VersRangeSyntax.ecosystemOf(scheme).orElseThrow();
    }
}
