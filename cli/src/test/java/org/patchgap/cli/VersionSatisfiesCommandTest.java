package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionSatisfiesCommandTest {

    @Test
    void printsTrueOrFalseInEachEcosystemsOwnSyntax() {
        assertThat(Cli.run("version", "satisfies", "npm", "1.4.0", "^1.2 || ~3.1.0"))
                .isEqualTo(new Cli.Result(0, "true\n", ""));
        assertThat(Cli.run("version", "satisfies", "npm", "3.2.0", "^1.2 || ~3.1.0"))
                .isEqualTo(new Cli.Result(0, "false\n", ""));
        assertThat(Cli.run("version", "satisfies", "PyPI", "1.5", ">=1.0,<2.0").out()).isEqualTo("true\n");
        assertThat(Cli.run("version", "satisfies", "pypi", "2.0a1", "<2.0").out()).isEqualTo("false\n");
        assertThat(Cli.run("version", "satisfies", "Maven", "2.0", "[1.0,2.0)").out()).isEqualTo("false\n");
    }

    @Test
    void acceptsAVersUriForAnyEcosystem() {
        assertThat(Cli.run("version", "satisfies", "Debian", "1:1.5-3", "vers:deb/>=1:1.0-1|<1:2.0-1"))
                .isEqualTo(new Cli.Result(0, "true\n", ""));
        assertThat(Cli.run("version", "satisfies", "npm", "2.0.0", "vers:npm/>=1.0.0|<2.0.0").out()).isEqualTo("false\n");
    }

    @Test
    void invalidRangeIsOneLineNamingTheColumn() {
        Cli.Result r = Cli.run("version", "satisfies", "npm", "1.0.0", ">=1.0.0 <2.0.0.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("patchgap: invalid npm range '>=1.0.0 <2.0.0.0': column ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void invalidVersionIsOneLine() {
        Cli.Result r = Cli.run("version", "satisfies", "npm", "not-a-version", "^1.0.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("patchgap: ").contains("not-a-version");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void versUriOfAnotherSchemeIsAnError() {
        Cli.Result r = Cli.run("version", "satisfies", "npm", "1.0.0", "vers:pypi/>=1.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("patchgap: invalid vers range").contains("orders versions as npm");
    }

    @Test
    void ecosystemWithoutANativeSyntaxAsksForVers() {
        Cli.Result r = Cli.run("version", "satisfies", "Debian", "1.0-1", ">= 1.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("expected a vers: URI");
    }
}
