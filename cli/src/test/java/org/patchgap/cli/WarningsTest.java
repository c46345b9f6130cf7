package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.formats.report.ScanSummary;

class WarningsTest {

    private static String print(ScanSummary summary, List<Problem> problems) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Warnings.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), summary, problems);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void nothingToSayPrintsNothing() {
        assertThat(print(new ScanSummary(1, 5, 0, 3, 3, 0, 0, 0, 0, 0, 0), List.of())).isEmpty();
    }

    @Test
    void oneSummaryLineThenOneLinePerProblemCappedAtTwenty() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < 25; i++) problems.add(new Problem(new Location("osv.zip!/X-" + i + ".json", "/affected/0"), "bad range"));
        String text = print(new ScanSummary(1, 5, 2, 30, 28, 1, 3, 0, 25, 1, 0), problems);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1 + 20 + 1);
        assertThat(lines.get(0)).isEqualTo("patchgap: warning: 25 advisory records skipped; 1 withdrawn advisory ignored; "
                + "3 GIT ranges not matched (commits, not versions); 1 inventory entry skipped; "
                + "2 components not matchable (no ecosystem or version)");
        assertThat(lines.get(1)).isEqualTo("patchgap: warning: osv.zip!/X-0.json: /affected/0: bad range");
        assertThat(lines.get(21)).isEqualTo("patchgap: warning: ... and 5 more (all are in the JSON report's \"problems\")");
    }

    @Test
    void countsAreGroupedByThousands() {
        String text = print(new ScanSummary(1, 5, 0, 3, 3, 0, 0, 0, 1395, 2, 0), List.of());
        assertThat(text).startsWith("patchgap: warning: 1,395 advisory records skipped; 2 inventory entries skipped");
    }
}
