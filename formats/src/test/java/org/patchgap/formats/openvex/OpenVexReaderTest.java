package org.patchgap.formats.openvex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.BadInputException;
import org.patchgap.core.model.NotAffectedStatement;
import org.patchgap.core.model.NotAffectedStatement.Justification;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Vulnerability;

class OpenVexReaderTest {

    private final OpenVexReader reader = new OpenVexReader();

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(OpenVexReaderTest.class.getResource("/openvex/" + name).toURI());
    }

    @Test
    void notAffectedStatementsBecomeStatementsOfOneRecordPerVulnerability() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("not-affected.json"));

        assertThat(result.problems()).isEmpty();
        // CVE-2023-0001's not_affected is superseded by a later affected; CVE-2023-0002 is only fixed.
        assertThat(result.items()).extracting(Vulnerability::id).containsExactly("CVE-2021-44228", "CVE-2023-0003");
        Vulnerability log4shell = result.items().get(0);
        assertThat(log4shell.aliases()).containsExactly("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.summary()).isEqualTo("Log4Shell");
        assertThat(log4shell.affected()).isEmpty();
        assertThat(log4shell.source()).endsWith("not-affected.json");
        assertThat(log4shell.notAffected()).containsExactly(
                new NotAffectedStatement("Maven", "org.apache.logging.log4j:log4j-core",
                        "pkg:maven/org.apache.logging.log4j/log4j-core", List.of(), List.of("2.14.1"),
                        Justification.VULNERABLE_CODE_NOT_PRESENT, "JndiLookup.class is removed from the jar."),
                // A product known by its CPE: named as the CPE path names packages, its version apart.
                new NotAffectedStatement("CPE", "cpe:2.3:a:example:gateway:*:*:*:*:*:*:*:*", null, List.of(),
                        List.of("3.1"), Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, null),
                // Its subcomponent's purl has no version: every version.
                new NotAffectedStatement("npm", "lib", "pkg:npm/lib", List.of(), List.of(),
                        Justification.VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, null));
        assertThat(result.items().get(1).notAffected()).containsExactly(
                new NotAffectedStatement("CPE", "cpe:2.3:a:example:router:*:*:*:*:*:*:*:*", null, List.of(),
                        List.of("1.2"), null, "The router has no web interface."));
    }

    @Test
    void badStatementsAreReportedWithTheirPlaceAndTheRestIsRead() throws Exception {
        ReadResult<Vulnerability> result = reader.read(fixture("bad-statements.json"));

        assertThat(result.items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("CVE-2024-0005");
            assertThat(v.notAffected()).containsExactly(new NotAffectedStatement("npm", "b", "pkg:npm/b", List.of(),
                    List.of("2.0.0"), null, "Never loaded."));
        });
        assertThat(result.problems()).extracting(p -> p.location().place() + ": " + p.message()).containsExactly(
                "/statements/0: statement without vulnerability name; skipped",
                "/statements/1: status exploitable is not an OpenVEX status (not_affected, affected, fixed,"
                        + " under_investigation); statement skipped",
                "/statements/2: not_affected without justification or impact_statement; skipped",
                "/statements/3: statement names no products; skipped",
                "/statements/4/products/0: product https://example.com/p has neither purl nor CPE and cannot be"
                        + " matched; no statement",
                "/statements/4/products/1: " + result.problems().get(5).message(),
                "/statements/4/products/2: " + result.problems().get(6).message(),
                "/statements/5: justification not_a_label is not an OpenVEX justification; kept as not affected"
                        + " without justification");
        assertThat(result.problems().get(5).message()).startsWith("product pkg:npm: bad purl pkg:npm");
        assertThat(result.problems().get(6).message()).startsWith("product pkg:unknowntype/x@1: purl")
                .endsWith("; no statement");
    }

    @Test
    void fileThatIsNotOpenVexIsBadInput() {
        assertThatThrownBy(() -> reader.read(fixture("not-openvex.json")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not-openvex.json")
                .hasMessageContaining("/@context")
                .hasMessageContaining("expected an OpenVEX document");
        assertThatThrownBy(() -> reader.read(fixture("not-json.txt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not-json.txt");
    }

    @Test
    void recognisesOpenVexByItsContext() throws Exception {
        assertThat(OpenVexReader.isOpenVex(java.nio.file.Files.readAllBytes(fixture("not-affected.json")))).isTrue();
        assertThat(OpenVexReader.isOpenVex(java.nio.file.Files.readAllBytes(fixture("not-openvex.json")))).isFalse();
    }
}
