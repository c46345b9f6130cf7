package org.patchgap.formats.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.KevEntry;
import org.patchgap.core.model.Problem;
import org.patchgap.formats.testing.SharedData;

class KevReaderTest {

    private final KevReader reader = new KevReader();

    @Test
    void readsEveryFieldOfAnEntry() throws Exception {
        KevCatalog catalog = reader.read(fixture("two-entries.json"));

        assertThat(catalog.catalogVersion()).isEqualTo("2025.08.25");
        assertThat(catalog.dateReleased()).hasToString("2025-08-25T17:04:19.979600Z");
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.entries()).extracting(KevEntry::cve).containsExactly("CVE-2021-44228", "CVE-2025-48384");
        KevEntry log4shell = catalog.entries().get(0);
        assertThat(log4shell.vendorProject()).isEqualTo("Apache");
        assertThat(log4shell.product()).isEqualTo("Log4j2");
        assertThat(log4shell.dateAdded()).isEqualTo(LocalDate.of(2021, 12, 10));
        assertThat(log4shell.dueDate()).isEqualTo(LocalDate.of(2021, 12, 24));
        assertThat(log4shell.knownRansomwareCampaignUse()).isTrue();
        assertThat(log4shell.requiredAction()).startsWith("For all affected software assets");
        assertThat(catalog.entries().get(1).knownRansomwareCampaignUse()).isFalse();
    }

    @Test
    void skipsBadEntriesAndKeepsTheRest() throws Exception {
        KevCatalog catalog = reader.read(fixture("bad-entries.json"));

        assertThat(catalog.entries()).extracting(KevEntry::cve).containsExactly("CVE-2021-44228");
        assertThat(catalog.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).contains("at /vulnerabilities/1/cveID").contains("CVE-21-1"),
                p -> assertThat(p).contains("at /vulnerabilities/2/dateAdded").contains("YYYY-MM-DD"),
                p -> assertThat(p).contains("at /vulnerabilities/3/requiredAction").contains("missing"),
                p -> assertThat(p).contains("at /vulnerabilities/4").contains("expected an object"));
    }

    @Test
    void aCatalogWithoutVulnerabilitiesIsBadInput() {
        assertThatThrownBy(() -> reader.read(fixture("no-vulnerabilities.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no-vulnerabilities.json at /vulnerabilities")
                .hasMessageContaining("expected the array");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> reader.read(fixture("not-json.txt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not-json.txt at line 2")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThatThrownBy(() -> reader.read(Path.of("does-not-exist.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("does-not-exist.json: no such file");
    }

    @Test
    void readsTheWholeRealCatalog() throws Exception {
        Path catalogFile = SharedData.require("kev/known_exploited_vulnerabilities.json");

        KevCatalog catalog = reader.read(catalogFile);

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.entries()).hasSize(1404);
        assertThat(catalog.entries()).filteredOn(KevEntry::knownRansomwareCampaignUse).hasSize(293);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(KevReaderTest.class.getResource(name).toURI());
    }
}
