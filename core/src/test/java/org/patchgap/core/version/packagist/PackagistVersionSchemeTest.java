package org.patchgap.core.version.packagist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.core.version.VersionSchemes;

/** Registration and the parts of the scheme the fixture files (VersionSchemeFixturesTest) do not show. */
class PackagistVersionSchemeTest {

    /** Found by ParsersFuzzTest: a part led by a non-ASCII digit is a word to PHP, not a number. */
    @Test
    void aNonAsciiDigitIsNoNumber() {
        assertThat(PhpVersionCompare.key("dev-\u0663rs").parts()).doesNotContain(java.math.BigInteger.valueOf(3));
        assertThat(PhpVersionCompare.key("\u0663rs").compareTo(PhpVersionCompare.key("1"))).isNegative();
    }

    @Test
    void registeredForItsEcosystems() {
        assertThat(VersionSchemes.find("Packagist")).containsSame(PackagistVersionScheme.INSTANCE);
    }

    @ParameterizedTest(name = "{0} normalises to {1}")
    @CsvSource({
        "1.0, 1.0.0.0", "v1.2.3, 1.2.3.0", "1.0.0-b2, 1.0.0.0-beta2", "1.0.0RC1, 1.0.0.0-RC1",
        "1.0-pl3, 1.0.0.0-patch3", "1.0.0-beta.2-dev, 1.0.0.0-beta2-dev", "2010-01-02, 2010.01.02",
        "1.x-dev, 1.9999999.9999999.9999999-dev", "dev-Main, dev-Main", "master, dev-master",
        "1.0.0+build.7, 1.0.0.0", "1.0.0-stable, 1.0.0.0", "1.0@beta, 1.0.0.0"
    })
    void normalisesAsComposerDoes(String text, String normalized) throws Exception {
        assertThat(PackagistVersionScheme.INSTANCE.normalize(text)).isEqualTo(normalized);
    }

    @Test
    void invalidVersionSaysWhy() {
        assertThatThrownBy(() -> PackagistVersionScheme.INSTANCE.parse("foo"))
                .hasMessageStartingWith("invalid Packagist version 'foo': Composer cannot normalise it");
    }
}
