package org.patchgap.formats.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.testing.SharedData;

class KevCatalogTest {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void theDemoExcerptHasAllOfMs17010WithRansomwareUse() throws Exception {
        ReadResult<KevCatalog> r = KevCatalog.read(REPO.resolve("examples/advisories/kev/known_exploited_vulnerabilities-ms17-010.json"));
        assertThat(r.problems()).isEmpty();
        KevCatalog kev = r.items().get(0);
        assertThat(kev.version()).isEqualTo("2025.08.25");
        assertThat(kev.size()).isEqualTo(6);
        assertThat(kev.lookup("CVE-2017-0144")).hasValueSatisfying(e -> {
            assertThat(e.knownRansomwareUse()).isTrue();
            assertThat(e.product()).isEqualTo("SMBv1");
            assertThat(e.dateAdded()).isEqualTo(LocalDate.of(2022, 2, 10));
            assertThat(e.cwes()).containsExactly("CWE-20");
        });
        assertThat(kev.lookup("CVE-2017-0058")).isEmpty();
    }

    @Test
    void aBadEntryIsSkippedAndTheRestRead() throws Exception {
        ReadResult<KevCatalog> r = KevCatalog.read(fixture("one-bad-entry.json"));
        assertThat(r.items().get(0).size()).isEqualTo(1);
        assertThat(r.problems()).extracting(p -> p.location().place()).containsExactly(
                "/vulnerabilities/1/cveID", "/vulnerabilities/2/dateAdded");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not-a-list.json | at /vulnerabilities: expected the KEV catalog",
            "truncated.json | malformed JSON (expected the KEV catalog)"})
    void badFiles(String fixture, String message) {
        assertThatThrownBy(() -> KevCatalog.read(fixture(fixture))).isInstanceOf(BadInputException.class)
                .hasMessageContaining(fixture).hasMessageContaining(message);
    }

    @Test
    void theWholeCatalogFromSharedData() throws Exception {
        Path file = SharedData.require("kev/known_exploited_vulnerabilities.json");
        ReadResult<KevCatalog> r = KevCatalog.read(file);
        assertThat(r.problems()).isEmpty();
        assertThat(r.items().get(0).size()).isGreaterThan(1000);
        assertThat(r.items().get(0).lookup("CVE-2017-0144")).isPresent();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(KevCatalogTest.class.getResource("/kev/" + name).toURI());
    }
}
