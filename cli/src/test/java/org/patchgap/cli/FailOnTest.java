package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchgap.core.model.SeverityLevel.CRITICAL;
import static org.patchgap.core.model.SeverityLevel.HIGH;
import static org.patchgap.core.model.SeverityLevel.LOW;
import static org.patchgap.core.model.SeverityLevel.MEDIUM;
import static org.patchgap.core.model.SeverityLevel.NONE;
import static org.patchgap.core.model.SeverityLevel.UNKNOWN;

import org.junit.jupiter.api.Test;

class FailOnTest {

    @Test
    void anyFailsOnEveryFindingEvenWithoutSeverity() {
        for (var level : org.patchgap.core.model.SeverityLevel.values()) assertThat(FailOn.ANY.fails(level)).isTrue();
    }

    @Test
    void aLevelFailsAtOrAboveIt() {
        assertThat(FailOn.HIGH.fails(CRITICAL)).isTrue();
        assertThat(FailOn.HIGH.fails(HIGH)).isTrue();
        assertThat(FailOn.HIGH.fails(MEDIUM)).isFalse();
        assertThat(FailOn.LOW.fails(LOW)).isTrue();
        assertThat(FailOn.LOW.fails(NONE)).isFalse();
        assertThat(FailOn.LOW.fails(UNKNOWN)).isFalse();
    }

    @Test
    void noneNeverFails() {
        for (var level : org.patchgap.core.model.SeverityLevel.values()) assertThat(FailOn.NONE.fails(level)).isFalse();
    }
}
