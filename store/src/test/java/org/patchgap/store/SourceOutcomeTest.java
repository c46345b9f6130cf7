package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;

class SourceOutcomeTest {

    @Test
    void oneRecordAndOneProblemAreSingular() {
        SourceOutcome one = new SourceOutcome("import:x", SourceOutcome.State.UPDATED, 1,
                List.of(new Problem(Location.of("x.json"), "skipped")), null);
        assertThat(one.summary()).isEqualTo("1 record, 1 problem");
    }

    @Test
    void otherCountsArePluralWithSeparators() {
        assertThat(new SourceOutcome("kev", SourceOutcome.State.UPDATED, 1404, List.of(), null).summary())
                .isEqualTo("1,404 records, 0 problems");
    }
}
