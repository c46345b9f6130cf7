package org.patchgap.store;

import org.patchgap.core.testing.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.formats.osv.OsvReader;

/** The real PyPA advisory database and KEV catalog from shared/data, imported as a user would. */
class RealDataImportTest {

    @TempDir
    Path dir;

    @Test
    void importsTheWholePypaCorpusAndTheKevCatalogWithNothingRejected() throws Exception {
        Path pypa = SharedData.require("osv/pypa/vulns");
        Path kev = SharedData.require("kev/known_exploited_vulnerabilities.json");

        long start = System.nanoTime();
        UpdateReport report = new DatabaseImporter(dir).importPaths(List.of(pypa, kev), ProgressListener.NONE);
        long importMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(report.sources()).extracting(SourceOutcome::name, SourceOutcome::records)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import:" + pypa, 2661),
                        org.assertj.core.groups.Tuple.tuple("kev", 1404));
        assertThat(report.sources()).flatExtracting(SourceOutcome::problems).isEmpty();

        List<Vulnerability> read = new OsvReader().read(pypa).items();
        start = System.nanoTime();
        try (AdvisoryDatabase db = AdvisoryDatabase.open(dir)) {
            List<Vulnerability> loaded = db.vulnerabilities(Set.of("PyPI"));
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("PyPA + KEV: imported in %d ms; opened and loaded %d PyPI records in %d ms; file %,d bytes%n",
                    importMillis, loaded.size(), loadMillis, db.status().sizeBytes());

            // Every field of every record comes back as the reader gave it.
            assertThat(loaded).containsExactlyInAnyOrderElementsOf(read);
            assertThat(db.kev("CVE-2021-44228")).map(KevEntry::vendorProject).contains("Apache");
            assertThat(db.status().kevEntries()).isEqualTo(1404);
            assertThat(db.status().sources()).allSatisfy(s -> assertThat(s.problems()).isZero());
            // PyPA's records joined to KEV through their CVE aliases.
            long exploited = loaded.stream().filter(v -> {
                try {
                    return db.kevOf(v).isPresent();
                } catch (DatabaseException e) {
                    throw new AssertionError(e);
                }
            }).count();
            System.out.printf("PyPA records listed in KEV through an alias: %d%n", exploited);
            assertThat(exploited).isPositive();
        }
    }
}
