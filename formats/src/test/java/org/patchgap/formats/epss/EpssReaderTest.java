package org.patchgap.formats.epss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Problem;

class EpssReaderTest {

    private final EpssReader reader = new EpssReader();

    @ParameterizedTest
    @ValueSource(strings = {"three-scores.csv", "three-scores.csv.gz"})
    void readsPlainAndGzip(String name) throws Exception {
        List<EpssScore> scores = new ArrayList<>();
        EpssFile file = reader.read(fixture(name), scores::add);

        assertThat(file.modelVersion()).isEqualTo("v2025.03.14");
        assertThat(file.scoreDate()).isEqualTo(LocalDate.of(2025, 8, 25));
        assertThat(file.scores()).isEqualTo(3);
        assertThat(file.problems()).isEmpty();
        assertThat(scores).contains(new EpssScore("CVE-2021-44228", 0.94358, 0.99962, LocalDate.of(2025, 8, 25)));
    }

    @Test
    void theOlderLayoutTakesTheDayFromTheFileName() throws Exception {
        List<EpssScore> scores = new ArrayList<>();
        EpssFile file = reader.read(fixture("epss_scores-2022-01-01.csv"), scores::add);

        assertThat(file.modelVersion()).isEmpty();
        assertThat(scores).containsExactly(new EpssScore("CVE-2021-44228", 0.97, 0.99, LocalDate.of(2022, 1, 1)));
    }

    @Test
    void skipsBadRowsByLine() throws Exception {
        List<EpssScore> scores = new ArrayList<>();
        EpssFile file = reader.read(fixture("bad-rows.csv"), scores::add);

        assertThat(scores).extracting(EpssScore::cve).containsExactly("CVE-2021-44228", "CVE-2021-0004");
        assertThat(file.problems()).extracting(Problem::toString).satisfiesExactly(
                p -> assertThat(p).contains("at line 4").contains("expected a CVE id"),
                p -> assertThat(p).contains("at line 5").contains("from 0 to 1"),
                p -> assertThat(p).contains("at line 6").contains("expected 'cve,epss,percentile'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no-header.csv    | no-header.csv at line 2: expected the EPSS header",
            "truncated.csv.gz | truncated.csv.gz at line",
    })
    void unusableFilesAreBadInput(String name, String message) {
        assertThatThrownBy(() -> reader.read(fixture(name), s -> {}))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(message);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(EpssReaderTest.class.getResource(name).toURI());
    }
}
