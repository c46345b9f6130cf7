package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
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
        assertThat(status.out()).contains("SOURCE").contains("kev").contains("2025.08.25")
                .containsPattern("advisories by ecosystem: (\\w+ [\\d,]+, )*PyPI \\d+");
        assertThat(status.err()).isEmpty();
    }

    @Test
    void removeTakesOneSourceOutAndKeepsTheRest() {
        String osv = "import:" + Path.of(Cli.example("advisories/osv")).toAbsolutePath().normalize();
        Cli.run("db", "import", "--db", db.toString(), Cli.example("advisories/osv"),
                Cli.example("advisories/kev/known_exploited_vulnerabilities-log4j.json"));

        Cli.Result removed = Cli.run("db", "remove", "--db", db.toString(), osv);

        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(removed.out()).contains(osv + ": removed");
        Cli.Result status = Cli.run("db", "status", "--db", db.toString());
        assertThat(status.out()).doesNotContain(osv).contains("kev").contains("KEV entries: 2");
        assertThat(status.out()).doesNotContain("PyPI");
    }

    @Test
    void removingASourceTheDatabaseDoesNotHaveChangesNothingAndListsWhatItHas() {
        Cli.run("db", "import", "--db", db.toString(), Cli.example("advisories/kev/known_exploited_vulnerabilities-log4j.json"));

        Cli.Result removed = Cli.run("db", "remove", "--db", db.toString(), "kev", "osv:Bogus");

        assertThat(removed.exit()).isEqualTo(2);
        assertThat(removed.err()).contains("no source named 'osv:Bogus'; the database has kev");
        assertThat(Cli.run("db", "status", "--db", db.toString()).out()).contains("KEV entries: 2");
    }

    @Test
    void statusWithoutADatabaseSaysWhatToDo() {
        Cli.Result status = Cli.run("db", "status", "--db", db.resolve("none").toString());

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).startsWith("patchgap: ").contains("no advisory database here; run 'patchgap db update'");
    }

    @Test
    void importIntoADatabaseOptionNamingAFileSaysItIsAFile() throws Exception {
        Path file = Files.writeString(db.resolve("db.txt"), "not a directory");
        Cli.Result imported = Cli.run("db", "import", "--db", file.toString(), Cli.example("advisories/osv"));

        assertThat(imported.exit()).isEqualTo(2);
        assertThat(imported.err()).isEqualTo("patchgap: " + file
                + ": is a file, not a database directory; give --db a directory\n");
    }

    @Test
    void importingADirectoryWithoutAdvisoriesWarnsThatNothingWasImported() throws Exception {
        Path empty = Files.createDirectories(db.resolve("empty"));
        Files.writeString(empty.resolve("README"), "nothing to import");
        Cli.Result imported = Cli.run("db", "import", "--db", db.resolve("db").toString(), empty.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(": 0 records, 0 problems");
        assertThat(imported.err().lines().toList()).last().asString().endsWith("the source is now empty");
        assertThat(imported.err()).contains("patchgap: warning: import:" + empty.toAbsolutePath().normalize()
                + ": no advisory record found; the source is now empty");
    }

    @Test
    void aNegativeMaxAgeIsAUsageError() {
        Cli.Result status = Cli.run("db", "status", "--db", db.toString(), "--max-age", "-3");

        assertThat(status).isEqualTo(new Cli.Result(2, "",
                "patchgap: --max-age: expected a number of days, 0 or more, but was -3\n"));
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

    @Test
    void aDatabaseOfAnOlderFormatIsRefusedByStatusAndScanWithWhatToDo() throws Exception {
        assertThat(Cli.run("db", "import", "--db", db.toString(), Cli.example("advisories/osv")).exit()).isZero();
        Path file = db.resolve("advisories.pgdb");
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(4, 1); // format 1: before remediations and VEX statements were stored
        Files.write(file, bytes);

        Cli.Result status = Cli.run("db", "status", "--db", db.toString());
        Cli.Result scan = Cli.run("scan", "--db", db.toString(), Cli.example("inventories/shop-backend.cdx.json"));

        for (Cli.Result r : java.util.List.of(status, scan)) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("patchgap: ").contains("written by an older version of patchgap")
                    .contains("run 'patchgap db update' (or 'patchgap db import' again)").doesNotContain("\tat ");
        }
    }

    @Test
    void aScanFromTheDatabaseShowsTheEpssOfItsFindings() {
        Cli.Result imported = Cli.run("db", "import", "--db", db.toString(), Cli.example("advisories/osv"),
                Cli.example("vex/advisories/epss_scores-2025-08-25.csv"));
        assertThat(imported.exit()).as(imported.err()).isZero();

        Cli.Result scan = Cli.run("scan", "--db", db.toString(), Cli.example("inventories/storefront-web.cdx.xml"));

        assertThat(scan.out().lines().skip(1).findFirst().orElseThrow()).startsWith("  PRIORITY  SEVERITY      EPSS  PACKAGE");
        assertThat(scan.out()).containsPattern("critical 9\\.1 +1\\.4% +lodash");
    }

    @Test
    void anImportedVexDocumentSuppressesTheMatchInADatabaseScan() {
        Cli.Result imported = Cli.run("db", "import", "--db", db.toString(),
                Cli.example("advisories/osv/GHSA-jfh8-c2jp-5v3q.json"),
                Cli.example("vex/advisories/example-vex-2021-0001.json"));
        assertThat(imported.exit()).as(imported.err()).isZero();

        Cli.Result scan = Cli.run("scan", "--db", db.toString(), "--show-not-affected",
                Cli.example("vex/reports-service.cdx.json"));

        assertThat(scan.exit()).as(scan.out() + scan.err()).isZero();
        assertThat(scan.out()).contains("1 finding not reported: vendor states not affected (VEX)",
                "    vulnerable_code_not_present: \"JndiLookup.class is removed from this build",
                "    stated by CVE-2021-44228 in " + Path.of(Cli.example("vex/advisories/example-vex-2021-0001.json"))
                        .toAbsolutePath().normalize());
    }
}
