package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static JsonNode write(ScanReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n");
        return new ObjectMapper().readTree(text);
    }

    @Test
    void eachFindingCarriesTheContractFields() throws IOException {
        JsonNode f = write(ReportFixtures.report()).at("/findings/2");
        assertThat(f.get("target").asText()).isEqualTo("shop");
        assertThat(f.at("/package/ecosystem").asText()).isEqualTo("Maven");
        assertThat(f.at("/package/name").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(f.at("/package/version").asText()).isEqualTo("2.14.1");
        assertThat(f.at("/package/purl").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(f.at("/location/file").asText()).isEqualTo("app.cdx.json");
        assertThat(f.at("/location/place").asText()).isEqualTo("/components/0");
        assertThat(f.at("/vulnerability/id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(f.at("/vulnerability/aliases/0").asText()).isEqualTo("CVE-2021-44228");
        assertThat(f.at("/vulnerability/summary").asText()).isEqualTo("Remote code injection in Log4j");
        assertThat(f.at("/severity/level").asText()).isEqualTo("critical");
        assertThat(f.at("/severity/score").asDouble()).isEqualTo(10.0);
        assertThat(f.at("/severity/vector").asText()).startsWith("CVSS:3.1/");
        assertThat(f.get("evidence").asText()).isEqualTo("ECOSYSTEM range [2.13.0, 2.15.0)");
        assertThat(f.get("fixedVersions").toString()).isEqualTo("[\"2.15.0\"]");
        assertThat(f.get("fix").asText()).isEqualTo("2.15.0");
        assertThat(f.get("upgrade").asText()).isEqualTo("2.17.1");
        assertThat(f.at("/vulnerability/records").toString())
                .isEqualTo("[{\"id\":\"GHSA-jfh8-c2jp-5v3q\",\"source\":\"GHSA-jfh8-c2jp-5v3q.json\"}]");
    }

    @Test
    void findingsKeepTheReportsOrderAndAFindingWithoutFixHasNulls() throws IOException {
        JsonNode f = write(ReportFixtures.report()).at("/findings/0");
        assertThat(f.at("/vulnerability/id").asText()).isEqualTo("GHSA-p8p7-x288-28g6");
        assertThat(f.get("fixedVersions")).isEmpty();
        assertThat(f.get("fix").isNull()).isTrue();
        assertThat(f.get("upgrade").isNull()).isTrue();
        assertThat(f.at("/severity/level").asText()).isEqualTo("unknown");
        assertThat(f.at("/severity/score").isNull()).isTrue();
    }

    @Test
    void upgradesSummaryAndProblems() throws IOException {
        JsonNode json = write(ReportFixtures.report());
        assertThat(json.at("/upgrades/0/from").asText()).isEqualTo("2.14.1");
        assertThat(json.at("/upgrades/0/to").asText()).isEqualTo("2.17.1");
        assertThat(json.at("/upgrades/0/removes").toString()).isEqualTo("[\"GHSA-jfh8-c2jp-5v3q\",\"GHSA-p6xc-xr62-6r2g\"]");
        assertThat(json.at("/upgrades/1/to").isNull()).isTrue();
        assertThat(json.at("/upgrades/1/removes")).isEmpty();
        assertThat(json.at("/upgrades/1/unfixed/0").asText()).isEqualTo("GHSA-p8p7-x288-28g6");

        JsonNode summary = json.get("summary");
        assertThat(summary.get("targets").asInt()).isEqualTo(2);
        assertThat(summary.get("components").asInt()).isEqualTo(9);
        assertThat(summary.at("/findings/total").asInt()).isEqualTo(3);
        assertThat(summary.at("/findings/critical").asInt()).isEqualTo(1);
        assertThat(summary.at("/findings/high").asInt()).isZero();
        assertThat(summary.at("/findings/unknown").asInt()).isEqualTo(1);
        assertThat(summary.get("advisories").asInt()).isEqualTo(11);
        assertThat(summary.get("withdrawn").asInt()).isEqualTo(1);
        assertThat(summary.get("gitRanges").asInt()).isEqualTo(1);
        assertThat(summary.at("/skipped/files").asInt()).isZero();

        assertThat(json.at("/problems/0/file").asText()).isEqualTo("bad.json");
        assertThat(json.at("/problems/0/place").asText()).isEqualTo("/affected/0");
        assertThat(json.at("/problems/0/message").asText()).isEqualTo("invalid version");
    }

    @Test
    void epssRemediationsAndNotAffected() throws IOException {
        JsonNode json = write(ReportFixtures.vexReport());
        JsonNode log4shell = json.at("/findings/0");
        assertThat(log4shell.at("/epss/score").asDouble()).isEqualTo(0.97);
        assertThat(log4shell.at("/epss/percentile").asDouble()).isEqualTo(0.9999);
        assertThat(log4shell.at("/epss/date").asText()).isEqualTo("2025-08-25");
        assertThat(log4shell.get("remediations")).isEmpty();

        JsonNode telnet = json.at("/findings/1");
        assertThat(telnet.get("fix").isNull()).isTrue();
        assertThat(telnet.at("/remediations/0/category").asText()).isEqualTo("vendor_fix");
        assertThat(telnet.at("/remediations/0/url").asText()).isEqualTo("https://access.redhat.com/errata/RHSA-2022:0011");
        assertThat(telnet.at("/remediations/0/date").asText()).isEqualTo("2022-01-04T10:00:00Z");
        assertThat(telnet.at("/remediations/1/category").asText()).isEqualTo("workaround");
        assertThat(telnet.at("/remediations/1/url").isNull()).isTrue();

        JsonNode na = json.at("/notAffected/0");
        assertThat(na.get("target").asText()).isEqualTo("shop");
        assertThat(na.at("/package/version").asText()).isEqualTo("2.14.1-vendor1");
        assertThat(na.at("/vulnerability/id").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(na.get("justification").asText()).isEqualTo("vulnerable_code_not_present");
        assertThat(na.get("impactStatement").asText()).startsWith("JndiLookup.class was removed");
        assertThat(na.at("/statement/id").asText()).isEqualTo("CVE-2021-44228");
        assertThat(na.at("/statement/source").asText()).isEqualTo("vex/shop.json");
        assertThat(json.at("/summary/notAffected").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/findings/total").asInt()).isEqualTo(2);
    }

    @Test
    void withoutEpssDataTheFieldIsNull() throws IOException {
        assertThat(write(ReportFixtures.report()).at("/findings/0/epss").isNull()).isTrue();
        assertThat(write(ReportFixtures.report()).get("notAffected")).isEmpty();
    }

    @Test
    void aFindingReadsBackFromItsJson() throws IOException {
        for (org.patchgap.core.model.Finding f : java.util.List.of(ReportFixtures.LOG4SHELL, ReportFixtures.TELNET_FINDING,
                ReportFixtures.SSRF)) {
            JsonNode json = new ObjectMapper().readTree(JsonReportWriter.findingJson(f, null, null, null));
            org.patchgap.core.model.Finding read = FindingJsonReader.read(json);
            assertThat(read.target()).isEqualTo(f.target());
            assertThat(read.component()).isEqualTo(f.component());
            assertThat(read.severity()).isEqualTo(f.severity());
            assertThat(read.fixedVersions()).isEqualTo(f.fixedVersions());
            assertThat(read.remediations()).isEqualTo(f.remediations());
            assertThat(read.vulnerability().id()).isEqualTo(f.vulnerability().id());
            assertThat(read.vulnerability().aliases()).isEqualTo(f.vulnerability().aliases());
            assertThat(read.vulnerability().summary()).isEqualTo(f.vulnerability().summary());
            // written again, it is the same JSON
            assertThat(JsonReportWriter.findingJson(read, null, null, null))
                    .isEqualTo(JsonReportWriter.findingJson(f, null, null, null));
        }
    }
}
