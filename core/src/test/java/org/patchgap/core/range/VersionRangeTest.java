package org.patchgap.core.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.maven.MavenVersionScheme;
import org.patchgap.core.version.npm.NpmVersionScheme;

class VersionRangeTest {

    private static Version maven(String v) throws InvalidVersionException {
        return MavenVersionScheme.INSTANCE.parse(v);
    }

    @Test
    void boundsOnlyTighten() throws Exception {
        Interval i = Interval.ALL.withLower(Bound.inclusive(maven("1.0"))).withLower(Bound.exclusive(maven("1.0")))
                .withLower(Bound.inclusive(maven("0.5"))).withUpper(Bound.inclusive(maven("2.0")))
                .withUpper(Bound.exclusive(maven("2.0"))).withUpper(Bound.inclusive(maven("3.0")));
        assertThat(i.toString()).isEqualTo("(1.0, 2.0)");
        assertThat(i.contains(maven("1.0"))).isFalse();
        assertThat(i.contains(maven("1.5"))).isTrue();
        assertThat(i.contains(maven("2.0"))).isFalse();
    }

    @Test
    void contradictoryBoundsMakeAnEmptyInterval() throws Exception {
        Interval empty = Interval.of(Bound.inclusive(maven("2.0")), Bound.inclusive(maven("1.0")));
        for (String v : List.of("0.5", "1.0", "1.5", "2.0", "3.0")) {
            assertThat(empty.contains(maven(v))).as(v).isFalse();
        }
    }

    @Test
    void excludedVersionsAndUnionOfIntervals() throws Exception {
        VersionRange range = VersionRange.of(Interval.of(null, Bound.exclusive(maven("1.0"))),
                Interval.of(Bound.inclusive(maven("2.0")), null).without(maven("2.5")));
        assertThat(range.contains(maven("0.9"))).isTrue();
        assertThat(range.contains(maven("1.5"))).isFalse();
        assertThat(range.contains(maven("2.5.0"))).as("equal to an excluded version").isFalse();
        assertThat(range.contains(maven("3"))).isTrue();
        assertThat(range.toString()).isEqualTo("(, 1.0) | [2.0, ) != 2.5");
        assertThat(new VersionRange(List.of()).contains(maven("1"))).isFalse();
    }

    @Test
    void versionOfAnotherSchemeIsAnError() throws Exception {
        VersionRange range = VersionRange.of(Interval.exactly(maven("1.0")));
        Version npm = NpmVersionScheme.INSTANCE.parse("1.0.0");
        assertThatThrownBy(() -> range.contains(npm)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registryRoutesVersUrisAndNativeSyntaxes() throws Exception {
        assertThat(RangeSyntaxes.find("npm")).contains(NpmRangeSyntax.INSTANCE);
        assertThat(RangeSyntaxes.find("pypi")).contains(Pep440RangeSyntax.INSTANCE);
        assertThat(RangeSyntaxes.find("Debian:12")).isEmpty();
        assertThat(RangeSyntaxes.parse("Ubuntu", "vers:deb/>=1.0").contains(
                org.patchgap.core.version.deb.DebianVersionScheme.INSTANCE.parse("1.1"))).isTrue();
        assertThatThrownBy(() -> RangeSyntaxes.parse("npm", "vers:pypi/>=1.0"))
                .isInstanceOf(InvalidRangeException.class).hasMessageContaining("orders versions as npm");
        assertThatThrownBy(() -> RangeSyntaxes.parse("Debian", ">= 1.0"))
                .isInstanceOf(InvalidRangeException.class).hasMessageContaining("expected a vers: URI");
    }

    @Test
    void messageNamesSyntaxTextColumnAndExpectation() {
        assertThatThrownBy(() -> RangeSyntaxes.parse("Maven", "[1.0,2.0"))
                .isInstanceOf(InvalidRangeException.class)
                .hasMessage("invalid Maven range '[1.0,2.0': column 1: expected ']' or ')' to close '['")
                .satisfies(e -> assertThat(((InvalidRangeException) e).column()).isEqualTo(1));
    }
}
