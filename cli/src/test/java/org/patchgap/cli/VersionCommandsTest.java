package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionCommandsTest {

    @Test
    void comparePrintsExactlyOneSymbol() {
        assertThat(Cli.run("version", "compare", "Maven", "1.0", "1.0.0")).isEqualTo(new Cli.Result(0, "=\n", ""));
        assertThat(Cli.run("version", "compare", "npm", "1.0.0-alpha", "1.0.0").out()).isEqualTo("<\n");
        assertThat(Cli.run("version", "compare", "PyPI", "1.0.post1", "1.0").out()).isEqualTo(">\n");
        assertThat(Cli.run("version", "compare", "Debian", "1.0~rc1", "1.0").out()).isEqualTo("<\n");
    }

    @Test
    void ecosystemNameIgnoresCase() {
        assertThat(Cli.run("version", "compare", "pypi", "2.0", "10.0").out()).isEqualTo("<\n");
    }

    @Test
    void compareRejectsAnInvalidVersionOnOneLine() {
        Cli.Result r = Cli.run("version", "compare", "npm", "1.0.0", "not-a-version");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("patchgap: ").contains("not-a-version").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void compareWithOneVersionIsAUsageError() {
        Cli.Result r = Cli.run("version", "compare", "npm", "1.0.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give two versions");
    }

    @Test
    void unknownEcosystemListsTheKnownOnes() {
        Cli.Result r = Cli.run("version", "compare", "Cobol", "1", "2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("patchgap: unknown ecosystem 'Cobol'; known: ").contains("Maven", "npm", "PyPI", "Debian");
    }

    @Test
    void batchAnswersEveryLineInOrderAndMarksBadPairs() {
        String input = "1.0.0\t2.0.0\n2.0.0\t1.0.0\nbad line without tab\n1.2.3\t1.2.3\n1.0.0\tnope\n";
        Cli.Result r = Cli.runWithInput(input, "version", "compare", "npm");
        assertThat(r.out()).isEqualTo("<\n>\n!\n=\n!\n");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err().lines().toList().get(0)).startsWith("patchgap: <stdin>: line 3: expected two versions separated by a tab");
        assertThat(r.err().lines().toList().get(1)).startsWith("patchgap: <stdin>: line 5: ").contains("nope");
    }

    @Test
    void batchOfGoodPairsExitsZero() {
        Cli.Result r = Cli.runWithInput("1.0\t1.0.0\r\n1.0-alpha-1\t1.0\n", "version", "compare", "Maven");
        assertThat(r).isEqualTo(new Cli.Result(0, "=\n<\n", ""));
    }

    @Test
    void sortPrintsAscendingInTheEcosystemsOrder() {
        Cli.Result r = Cli.runWithInput("1.10\n1.2\n1.0rc1\n\n1.0\n1.0.post1\n", "version", "sort", "PyPI");
        assertThat(r).isEqualTo(new Cli.Result(0, "1.0rc1\n1.0\n1.0.post1\n1.2\n1.10\n", ""));
    }

    @Test
    void sortKeepsTheInputOrderOfEqualVersions() {
        Cli.Result r = Cli.runWithInput("1.0.0\n1.0\n1\n0.9\n", "version", "sort", "Maven");
        assertThat(r.out()).isEqualTo("0.9\n1.0.0\n1.0\n1\n");
    }

    @Test
    void sortNamesEveryInvalidVersionAndPrintsNothing() {
        Cli.Result r = Cli.runWithInput("1.0.0\nfoo bar\n2.0.0\n???\n", "version", "sort", "npm");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(2)
                .satisfies(lines -> {
                    assertThat(lines.get(0)).startsWith("patchgap: <stdin>: line 2: ");
                    assertThat(lines.get(1)).startsWith("patchgap: <stdin>: line 4: ");
                });
    }

    @Test
    void versionWithoutSubcommandIsAUsageError() {
        Cli.Result r = Cli.run("version");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("patchgap: version: give a subcommand");
    }
}
