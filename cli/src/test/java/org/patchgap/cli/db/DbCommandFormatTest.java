package org.patchgap.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

/** How {@code db status} writes the advisory counts per ecosystem. */
class DbCommandFormatTest {

    @Test
    void countsAreLargestFirstWithSeparatorsAndRecordsWithoutAPackageAreNamed() {
        assertThat(DbCommand.byEcosystem(Map.of("Maven", 1, "PyPI", 2661, "", 58, "CPE", 1)))
                .isEqualTo("PyPI 2,661, no package 58, CPE 1, Maven 1");
    }

    @Test
    void anEmptyDatabaseSaysNone() {
        assertThat(DbCommand.byEcosystem(Map.of())).isEqualTo("none");
    }

    @Test
    void aProblemIsWrittenAsFilePlaceWhatLikeTheScansWarnings() {
        assertThat(DbCommand.warning(new Problem(new Location("all.zip!/X-1.json", "/affected/0"), "bad range")))
                .isEqualTo("all.zip!/X-1.json: /affected/0: bad range");
        assertThat(DbCommand.warning(new Problem(Location.of("kev.json"), "skipped"))).isEqualTo("kev.json: skipped");
    }
}
