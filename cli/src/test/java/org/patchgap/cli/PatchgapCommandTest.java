package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchgapCommandTest {

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result r = Cli.run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).matches("patchgap \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void helpListsTheCommands() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("scan", "inventory", "version", "Exit codes");
    }

    @Test
    void noCommandIsAUsageErrorOnOneLine() {
        Cli.Result r = Cli.run();
        assertThat(r).isEqualTo(new Cli.Result(2, "",
                "patchgap: no command given; commands: scan, inventory, version, db, advisories (see 'patchgap --help')\n"));
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        Cli.Result r = Cli.run("frobnicate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("patchgap: ").contains("frobnicate");
    }

    @Test
    void debugAddsTheStackTrace() {
        assertThat(Cli.run("scan", "--debug", "--advisories", "nowhere", "x.json").err())
                .startsWith("patchgap: nowhere: no such file or directory\n").contains("\tat ");
        assertThat(Cli.run("", Map.of("PATCHGAP_DEBUG", "1"), false, "scan", "--advisories", "nowhere", "x.json").err())
                .contains("\tat ");
        assertThat(Cli.run("scan", "--advisories", "nowhere", "x.json").err()).doesNotContain("\tat ");
    }
}
