package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchgap.core.model.SeverityLevel.CRITICAL;
import static org.patchgap.core.model.SeverityLevel.HIGH;
import static org.patchgap.core.model.SeverityLevel.LOW;
import static org.patchgap.core.model.SeverityLevel.MEDIUM;
import static org.patchgap.core.model.SeverityLevel.NONE;
import static org.patchgap.core.model.SeverityLevel.UNKNOWN;

import static org.patchgap.core.priority.Decision.ACT;
import static org.patchgap.core.priority.Decision.ATTEND;
import static org.patchgap.core.priority.Decision.TRACK;
import static org.patchgap.core.priority.Decision.TRACK_STAR;

import org.junit.jupiter.api.Test;

class FailOnTest {

    @Test
    void anyFailsOnEveryFindingEvenWithoutSeverity() {
        for (var level : org.patchgap.core.model.SeverityLevel.values()) assertThat(FailOn.ANY.fails(level, TRACK)).isTrue();
    }

    @Test
    void aLevelFailsAtOrAboveIt() {
        assertThat(FailOn.HIGH.fails(CRITICAL, TRACK)).isTrue();
        assertThat(FailOn.HIGH.fails(HIGH, TRACK)).isTrue();
        assertThat(FailOn.HIGH.fails(MEDIUM, TRACK)).isFalse();
        assertThat(FailOn.LOW.fails(LOW, TRACK)).isTrue();
        assertThat(FailOn.LOW.fails(NONE, TRACK)).isFalse();
        assertThat(FailOn.LOW.fails(UNKNOWN, TRACK)).isFalse();
    }

    @Test
    void noneNeverFails() {
        for (var level : org.patchgap.core.model.SeverityLevel.values()) assertThat(FailOn.NONE.fails(level, TRACK)).isFalse();
    }

    @Test
    void aPriorityFailsAtOrAboveItWhateverTheSeverity() {
        assertThat(FailOn.ATTEND.fails(LOW, ACT)).isTrue();
        assertThat(FailOn.ATTEND.fails(CRITICAL, ATTEND)).isTrue();
        assertThat(FailOn.ATTEND.fails(CRITICAL, TRACK_STAR)).isFalse();
        assertThat(FailOn.TRACK_STAR.fails(UNKNOWN, TRACK_STAR)).isTrue();
        assertThat(FailOn.ACT.fails(CRITICAL, ATTEND)).isFalse();
    }

    @Test
    void theConverterReadsCisasSpelling() {
        FailOn.Converter c = new FailOn.Converter();
        assertThat(c.convert("track*")).isEqualTo(FailOn.TRACK_STAR);
        assertThat(c.convert("Act")).isEqualTo(FailOn.ACT);
        assertThat(c.convert("high")).isEqualTo(FailOn.HIGH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.convert("urgent"))
                .hasMessage("expected any, low, medium, high, critical, none, track, track*, attend or act, found 'urgent'");
    }
}
