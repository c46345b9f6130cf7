package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.AffectedPackage;
import org.patchgap.core.model.AffectedRange;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.SeverityLevel;
import org.patchgap.core.model.Vulnerability;
import org.patchgap.core.testing.SharedData;

/**
 * The whole PyPA advisory database (shared/data/osv/pypa, OSV in YAML, commit 3ccb612 of 2024-10-10). The
 * expected counts were taken independently with PyYAML's BaseLoader, which, like our reader, keeps every scalar
 * as text.
 */
class PypaCorpusTest {

    private static final int RECORDS = 2661;

    /**
     * One read of the whole checkout (read once: YAML is slow to parse): the records under vulns/ read without
     * a single problem, and the triage list beside them is one problem, not a failure.
     */
    @Test
    void readsEveryRecordAndReportsOnlyTheTriageList() throws Exception {
        var root = SharedData.require("osv/pypa");
        long start = System.nanoTime();
        ReadResult<Vulnerability> result = new OsvReader().read(root);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("PyPA corpus: %d records, %d problems, read once in %d ms%n",
                result.items().size(), result.problems().size(), millis);

        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                root.resolve("triage/false_positives.yaml") + ": skipped: not an OSV record: no \"id\"");
        List<Vulnerability> records = result.items();
        assertThat(records).hasSize(RECORDS);

        Set<String> ids = new HashSet<>();
        records.forEach(v -> ids.add(v.id()));
        assertThat(ids).hasSize(RECORDS);
        // Every file is named for its record.
        assertThat(records).filteredOn(v -> !v.source().startsWith(root.resolve("vulns").toString())
                || !v.source().endsWith("/" + v.id() + ".yaml")).extracting(Vulnerability::source).isEmpty();

        assertThat(records.stream().filter(Vulnerability::isWithdrawn).count()).isEqualTo(10);
        assertThat(records).filteredOn(v -> v.modified() == null).extracting(Vulnerability::id).isEmpty();
        assertThat(records.stream().filter(v -> v.published() != null).count()).isEqualTo(2652);
        assertThat(records.stream().mapToInt(v -> v.aliases().size()).sum()).isEqualTo(4475);
        assertThat(records.stream().mapToInt(v -> v.references().size()).sum()).isEqualTo(9872);
        // Two records have a summary; the others take the first line of their details.
        assertThat(records).filteredOn(v -> v.summary() == null || v.summary().isBlank())
                .extracting(Vulnerability::id).isEmpty();
        // PyPA's flattened Markdown: "### Impact Missing input validation ..." on one line.
        assertThat(records).filteredOn(v -> v.id().equals("PYSEC-2021-24")).extracting(Vulnerability::summary)
                .singleElement().asString().startsWith("Impact Missing input validation of some parameters");

        // 202 CVSS v3 vectors, all scored.
        assertThat(records.stream().mapToInt(v -> v.severities().size()).sum()).isEqualTo(202);
        assertThat(records.stream().flatMap(v -> v.severities().stream()))
                .allSatisfy(s -> {
                    assertThat(s.type()).isEqualTo("CVSS_V3");
                    assertThat(s.level()).isNotEqualTo(SeverityLevel.UNKNOWN);
                    assertThat(s.score()).isBetween(0.0, 10.0);
                });

        List<AffectedPackage> affected = records.stream().flatMap(v -> v.affected().stream()).toList();
        assertThat(affected).extracting(AffectedPackage::ecosystem).hasSize(2661).containsOnly("PyPI");
        assertThat(affected.stream().mapToInt(p -> p.versions().size()).sum()).isEqualTo(140_847);
        List<AffectedRange> ranges = affected.stream().flatMap(p -> p.ranges().stream()).toList();
        assertThat(ranges.stream().filter(r -> r.type() == AffectedRange.Type.ECOSYSTEM).count()).isEqualTo(2659);
        assertThat(ranges.stream().filter(r -> r.type() == AffectedRange.Type.GIT).count()).isEqualTo(1391);
        assertThat(ranges).filteredOn(r -> r.type() == AffectedRange.Type.GIT)
                .extracting(AffectedRange::repo).allMatch(repo -> repo.startsWith("http"));
        assertThat(ranges.stream().mapToInt(r -> r.events().size()).sum()).isEqualTo(13_005);
    }
}
