package org.patchgap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.patchgap.core.model.EpssScore;

class EpssTableProperties {

    private static final LocalDate DAY = LocalDate.of(2025, 8, 25);

    @Property(tries = 200)
    void findsWhatAMapFinds(@ForAll("scores") List<EpssScore> scores, @ForAll("cves") String probe) {
        EpssTable.Builder builder = new EpssTable.Builder();
        Map<String, EpssScore> expected = new HashMap<>();
        for (EpssScore s : scores) {
            builder.add(s);
            expected.put(s.cve(), s); // the last score of a CVE wins
        }
        EpssTable table = EpssTable.decode(ByteBuffer.wrap(builder.encode("v1", DAY)));

        assertThat(table.size()).isEqualTo(expected.size());
        for (EpssScore s : expected.values()) {
            assertThat(table.find(s.cve())).contains(s);
        }
        assertThat(table.find(probe)).isEqualTo(java.util.Optional.ofNullable(expected.get(probe)));
    }

    @Provide
    Arbitrary<List<EpssScore>> scores() {
        Arbitrary<Double> p = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(cves(), p, p).as((cve, s, q) -> new EpssScore(cve, s, q, DAY)).list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> cves() {
        return Combinators.combine(Arbitraries.integers().between(1999, 2026), Arbitraries.integers().between(1, 60_000))
                .as((year, n) -> String.format("CVE-%d-%04d", year, n));
    }
}
