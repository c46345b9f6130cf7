package org.patchgap.server.gap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchGapTest {

    static final Instant FIX = Instant.parse("2017-03-14T00:00:00Z");

    static Exposure exposure(long target, String opened, String resolved) {
        return new Exposure(target * 100, target, "host" + target, "CVE-2017-0144", Instant.parse(opened),
                resolved == null ? null : Instant.parse(resolved), FIX, LocalDate.parse("2022-08-10"));
    }

    @Test
    void aTargetIsCountedOnTheDaysItIsExposedAtTheDaysEnd() {
        List<PatchGap.Day> days = PatchGap.series(List.of(
                exposure(1, "2017-03-14T10:00:00Z", "2017-03-16T08:00:00Z"),
                exposure(2, "2017-03-14T10:00:00Z", null)), null, LocalDate.parse("2017-03-17"), FIX);
        assertThat(days).extracting(PatchGap.Day::targets).containsExactly(2, 2, 1, 1);
        assertThat(days.get(0).date()).isEqualTo(LocalDate.parse("2017-03-14"));
    }

    @Test
    void overlappingEpisodesOfOneTargetCountOnceAndAGapBetweenThemCountsZero() {
        List<PatchGap.Day> days = PatchGap.series(List.of(
                exposure(1, "2017-03-14T10:00:00Z", "2017-03-20T00:00:00Z"),
                exposure(1, "2017-03-15T10:00:00Z", "2017-03-17T00:00:00Z"),
                exposure(1, "2017-03-22T10:00:00Z", null)), null, LocalDate.parse("2017-03-23"), FIX);
        assertThat(days).extracting(PatchGap.Day::targets).containsExactly(1, 1, 1, 1, 1, 1, 0, 0, 1, 1);
    }

    @Test
    void anExposureOpenedAndResolvedWithinADayIsNeverCounted() {
        List<PatchGap.Day> days = PatchGap.series(List.of(exposure(1, "2017-03-14T10:00:00Z", "2017-03-14T11:00:00Z")),
                null, LocalDate.parse("2017-03-15"), FIX);
        assertThat(days).extracting(PatchGap.Day::targets).containsExactly(0, 0);
    }

    @Test
    void theSeriesCanStartLaterAndCarriesTheExposuresBeforeIt() {
        List<PatchGap.Day> days = PatchGap.series(List.of(exposure(1, "2017-03-14T10:00:00Z", null)),
                LocalDate.parse("2017-04-01"), LocalDate.parse("2017-04-02"), FIX);
        assertThat(days).extracting(PatchGap.Day::targets).containsExactly(1, 1);
    }

    @Test
    void daysFromFixToResolvedUseNearestRankAndAResolutionBeforeTheFixCountsZero() {
        PatchGap.Figures f = PatchGap.of(List.of(
                exposure(1, "2017-03-14T10:00:00Z", "2017-03-24T00:00:00Z"),   // 10 days
                exposure(2, "2017-03-14T10:00:00Z", "2017-04-13T00:00:00Z"),   // 30 days
                exposure(3, "2017-03-01T10:00:00Z", "2017-03-10T00:00:00Z"),   // before the fix: 0
                exposure(4, "2017-03-14T10:00:00Z", "2017-05-13T00:00:00Z"),   // 60 days
                exposure(5, "2017-03-14T10:00:00Z", null)), Instant.parse("2026-12-07T00:00:00Z"), null, null);
        assertThat(f.daysFromFixToResolved().resolved()).isEqualTo(4);
        assertThat(f.daysFromFixToResolved().medianDays()).isEqualTo(10.0);
        assertThat(f.daysFromFixToResolved().p90Days()).isEqualTo(60.0);
        assertThat(f.exposedTargetsNow()).isEqualTo(1);
        assertThat(f.openByAge()).containsEntry(">365", 1);
        assertThat(f.kevPastDueCount()).isEqualTo(1);
        assertThat(f.kevPastDue().get(0).daysOverdue()).isEqualTo(1580);
    }

    @Test
    void nothingResolvedHasNoMedian() {
        PatchGap.Figures f = PatchGap.of(List.of(), Instant.parse("2026-12-07T00:00:00Z"), null, null);
        assertThat(f.daysFromFixToResolved().medianDays()).isNull();
        assertThat(f.series()).isEmpty();
        assertThat(f.fixPublished()).isNull();
    }

    @Test
    void ageBuckets() {
        assertThat(PatchGap.bucket(0)).isZero();
        assertThat(PatchGap.bucket(7)).isZero();
        assertThat(PatchGap.bucket(8)).isEqualTo(1);
        assertThat(PatchGap.bucket(90)).isEqualTo(2);
        assertThat(PatchGap.bucket(365)).isEqualTo(3);
        assertThat(PatchGap.bucket(366)).isEqualTo(4);
    }
}
