package org.patchgap.core.version.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.testing.CanonicalTools;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.VersionFixtures;

class PypiVersionSchemeTest {

    private static final PypiVersionScheme SCHEME = PypiVersionScheme.INSTANCE;

    /** pypi-normalized.txt: {@code text -> normalised text}, one per line. */
    @TestFactory
    Stream<DynamicTest> normalizedText() {
        return VersionFixtures.read("pypi-normalized.txt").stream().map(line -> dynamicTest(
                "pypi-normalized.txt:" + line.number() + "  " + line.raw(), () -> {
                    assertThat(line.tokens()).hasSize(3).element(1).isEqualTo("->");
                    assertThat(SCHEME.normalize(line.tokens().get(0))).isEqualTo(line.tokens().get(2));
                    assertThat(SCHEME.parse(line.tokens().get(2)).normalized()).isEqualTo(line.tokens().get(2));
                }));
    }

    @Test
    void preReleaseAndDevReleasesArePreReleases() throws InvalidVersionException {
        assertThat(SCHEME.parse("1.0a1").isPrerelease()).isTrue();
        assertThat(SCHEME.parse("1.0.dev1").isPrerelease()).isTrue();
        assertThat(SCHEME.parse("1.0.post1").isPrerelease()).isFalse();
        assertThat(SCHEME.parse("1.0+local").isPrerelease()).isFalse();
    }

    @Test
    void reasonSaysWhatWasExpected() {
        assertThatThrownBy(() -> SCHEME.parse("1.0-foo")).isInstanceOf(InvalidVersionException.class)
                .hasMessage("invalid PyPI version '1.0-foo': not a PEP 440 version "
                        + "(expected [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local])");
        assertThatThrownBy(() -> SCHEME.parse(" ")).hasMessageEndingWith("empty version");
    }

    /**
     * Deliberate difference (docs/versions.md): Python refuses to convert integers of more than 4300 digits
     * (sys.int_info.default_max_str_digits), so packaging raises a bare ValueError, not InvalidVersion. We accept
     * numbers of any length.
     */
    @Test
    void numbersLongerThanPythonsIntegerLimitAreAccepted() throws InvalidVersionException {
        String huge = "1." + "9".repeat(5000);
        assertThat(SCHEME.parse(huge).compareTo(SCHEME.parse("2"))).isNegative();

        CanonicalTools.require("python3 with packaging", "python3", "-c", "import packaging.version");
        List<String> out = BatchProcess.run(List.of("python3", "-c", """
                import sys
                from packaging.version import Version
                try:
                    Version(sys.stdin.read().strip())
                    print("valid")
                except ValueError as e:
                    print(type(e).__name__)
                """), List.of(huge), 60);
        assertThat(out).containsExactly("ValueError");
    }
}
