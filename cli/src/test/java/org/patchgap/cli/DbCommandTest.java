package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchgap db}: import the repository's example advisories, then show the status. */
class DbCommandTest {

    @TempDir
    Path db;

    @Test
    void importsThenShowsTheStatus() {
        Cli.Result imported = Cli.run("db", "import", "--db", db.toString(), Cli.example("advisories/osv"),
                Cli.example("advisories/kev/known_exploited_vulnerabilities-log4j.json"));

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("import:" + Path.of(Cli.example("advisories/osv")).toAbsolutePath()
                .normalize() + ": ").contains("kev: ").contains("database: " + db.resolve("advisories.pgdb"));

        Cli.Result status = Cli.run("db", "--db", db.toString(), "status");

        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("SOURCE").contains("kev").contains("2025.08.25").contains("PyPI=");
        assertThat(status.err()).isEmpty();
    }

    @Test
    void statusWithoutADatabaseSaysWhatToDo() {
        Cli.Result status = Cli.run("db", "status", "--db", db.resolve("none").toString());

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).startsWith("patchgap: ").contains("no advisory database here; run 'patchgap db update'");
    }

    @Test
    void anUnknownSourceIsAUsageError() {
        Cli.Result update = Cli.run("db", "update", "--db", db.toString(), "--source", "csaf");

        assertThat(update.exit()).isEqualTo(2);
        assertThat(update.err()).contains("unknown source 'csaf'");
    }

    @Test
    void anUnreadableImportChangesNothingAndNamesTheFile() {
        Cli.Result imported = Cli.run("db", "import", "--db", db.toString(), db.resolve("missing.json").toString());

        assertThat(imported.exit()).isEqualTo(2);
        assertThat(imported.err()).contains("missing.json").contains("no such file");
    }
}
