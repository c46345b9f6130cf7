package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void plainLinesOutsideATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        progress.started("kev", "downloading https://example.org/kev.json");
        for (long b = 0; b <= 4_000_000; b += 100_000) {
            progress.transferred("kev", b, 4_000_000);
        }
        progress.finished("kev", "1,404 records, 0 problems");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "kev: downloading https://example.org/kev.json",
                "kev: 25% of 3.8 MB",
                "kev: 50% of 3.8 MB",
                "kev: 75% of 3.8 MB",
                "kev: 100% of 3.8 MB",
                "kev: 1,404 records, 0 problems");
    }

    @Test
    void aBarOnATerminal() {
        assertThat(ConsoleProgress.bar("osv:PyPI", 4_500_000, 9_000_000))
                .isEqualTo("osv:PyPI         [############            ]  50%  4.3 MB/8.6 MB");
        assertThat(ConsoleProgress.bar("epss", 2048, -1)).isEqualTo("epss             2.0 kB");
    }
}
