package org.patchgap.core.version.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.testing.BatchProcess;
import org.patchgap.core.version.InvalidVersionException;

class NpmVersionSchemeTest {

    private static final NpmVersionScheme SCHEME = NpmVersionScheme.INSTANCE;

    @Test
    void theLengthLimitCountsSurroundingWhiteSpace() throws InvalidVersionException {
        assertThat(SCHEME.parse(" ".repeat(251) + "1.2.3").text()).hasSize(256);
        assertThatThrownBy(() -> SCHEME.parse(" ".repeat(252) + "1.2.3"))
                .hasMessageEndingWith("longer than 256 characters");
    }

    @Test
    void reasonsSayWhatWasExpected() {
        assertThatThrownBy(() -> SCHEME.parse("=1.2.3")).isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("expected MAJOR.MINOR.PATCH[-prerelease][+build]");
        assertThatThrownBy(() -> SCHEME.parse("9007199254740992.0.0"))
                .hasMessageEndingWith("major version is larger than 9007199254740991");
    }

    /**
     * Deliberate difference (docs/versions.md): node-semver compares all-digit pre-release identifiers as
     * JavaScript numbers and stops, answering "equal", at the first two distinct ones whose values coincide above
     * 2^53. That makes its order intransitive; we go on to the next identifier instead.
     */
    @Test
    void distinctIdentifiersEqualAsDoublesAboveTwoToThe53KeepComparing() throws Exception {
        String a = "1.0.0-9007199254740993.b";
        String b = "1.0.0-9007199254740992.a";
        assertThat(SCHEME.parse(a).compareTo(SCHEME.parse(b))).isPositive();
        assertThat(SCHEME.parse("1.0.0-9007199254740993").compareTo(SCHEME.parse("1.0.0-9007199254740992"))).isZero();

        Path semver = NodeSemver.require();
        List<String> out = BatchProcess.run(List.of("node",
                        BatchProcess.resource("/versions/tools/npm_compare.js").toString(), semver.toString()),
                List.of("[" + BatchProcess.json(a) + "," + BatchProcess.json(b) + "]"), 60);
        assertThat(out.get(1)).as("node-semver's answer").endsWith("\t0");
    }
}
