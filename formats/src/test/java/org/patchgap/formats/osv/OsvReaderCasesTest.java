package org.patchgap.formats.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchgap.formats.osv.OsvFixtures.fixture;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;

/**
 * The case table: each fixture file and what reading it gives, either the ids of the records read and the
 * places of the problems reported, or the error that stops the read.
 */
class OsvReaderCasesTest {

    /**
     * One row: the fixture, the ids expected in order, the problem places expected in order ({@code null} place
     * written as {@code "-"}), or, when {@code error} is set, the text the {@link BadInputException} must hold.
     */
    record Case(String fixture, List<String> ids, List<String> problemPlaces, String error) {
        static Case reads(String fixture, List<String> ids, String... problemPlaces) {
            return new Case(fixture, ids, List.of(problemPlaces), null);
        }

        static Case fails(String fixture, String error) {
            return new Case(fixture, List.of(), List.of(), error);
        }

        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.reads("one-record.json", List.of("GHSA-35jh-r3h4-6jhm")),
                Case.reads("withdrawn.json", List.of("GHSA-wwww-xxxx-yyyy")),
                Case.reads("aliases.json", List.of("PYSEC-2021-1")),
                Case.reads("several-ranges.json", List.of("OSV-2024-100")),
                Case.reads("last-affected.json", List.of("PYSEC-2022-42969")),
                Case.reads("limit.json", List.of("GO-2024-0001")),
                Case.reads("git-range.json", List.of("OSV-2020-500")),
                Case.reads("versions-list.json", List.of("PYSEC-2020-342")),
                Case.reads("cvss-v3.json", List.of("CVE-2021-44228")),
                Case.reads("cvss-v2.json", List.of("CVE-2014-0160")),
                Case.reads("cvss-v4.json", List.of("GHSA-v4v4-v4v4-v4v4")),
                Case.reads("github-database-specific-severity.json", List.of("GHSA-mmmm-mmmm-mmmm")),
                Case.reads("affected-severity.json", List.of("OSV-2025-7")),
                Case.reads("affected-v4-only.json", List.of("OSV-2025-8")),
                Case.reads("summary-from-details.json", List.of("PYSEC-2099-1")),
                Case.reads("long-details.json", List.of("PYSEC-2099-2")),
                Case.reads("summary-from-markdown-details.json", List.of("GHSA-mark-down-xxxx")),
                Case.reads("record.yaml", List.of("PYSEC-2099-3")),
                Case.reads("array.json", List.of("GHSA-arr1-arr1-arr1", "GHSA-arr3-arr3-arr3"), "/1"),
                Case.reads("vulns.json", List.of("GHSA-vul1-vul1-vul1", "GHSA-vul2-vul2-vul2")),
                Case.reads("empty-array.json", List.of()),
                // Warnings: the record is kept.
                Case.reads("bad-cvss.json", List.of("GHSA-badc-vssx-xxxx"), "/severity/0/score", "/severity/1/score"),
                Case.reads("bad-dates.json", List.of("GHSA-badd-ates-xxxx"), "/modified"),
                // A broken affected entry is dropped, the record kept.
                Case.reads("bad-event.json", List.of("GHSA-bade-vent-xxxx"), "/affected/1/ranges/0/events/2"),
                Case.reads("bad-affected-entries.json", List.of("OSV-2024-BAD"),
                        "/affected/1", "/affected/2/ranges/0/type", "/affected/3/ranges/0/events",
                        "/affected/4/ranges/0/events/1", "/affected/5/ranges/0/events",
                        "/affected/6/ranges/0/events", "/affected/7/package/name",
                        "/affected/8/ranges/0/events/0/introduced"),
                // The record is skipped.
                Case.reads("missing-id.json", List.of(), "-"),
                Case.reads("bad-withdrawn.json", List.of(), "/withdrawn"),
                // The file cannot be read at all.
                Case.fails("not-json.txt", "not-json.txt at line 1, column 1: malformed JSON: Unrecognized token 'This'"),
                Case.fails("empty.json", "empty.json: empty file, expected an OSV record"),
                Case.fails("truncated.json", "truncated.json at line 6, column 1: malformed JSON"),
                Case.fails("two-values.json", "two-values.json at line 2, column 1: more than one top-level value"),
                Case.fails("broken.yaml", "broken.yaml at line 2, column"),
                Case.fails("no-such-file.json", "no-such-file.json: no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsTheTableSays(Case c) throws Exception {
        var path = c.fixture().startsWith("no-such") ? fixture("one-record.json").resolveSibling(c.fixture())
                : fixture(c.fixture());
        if (c.error() != null) {
            assertThatThrownBy(() -> new OsvReader().read(path))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining(c.error())
                    .message().doesNotContain("\n");
            return;
        }
        ReadResult<Vulnerability> result = new OsvReader().read(path);
        assertThat(result.items()).extracting(Vulnerability::id).containsExactlyElementsOf(c.ids());
        assertThat(result.problems())
                .extracting(p -> p.location().place() == null ? "-" : p.location().place())
                .containsExactlyElementsOf(c.problemPlaces());
        assertThat(result.problems()).extracting(Problem::location)
                .allSatisfy(l -> assertThat(l.file()).endsWith(c.fixture()));
    }
}
