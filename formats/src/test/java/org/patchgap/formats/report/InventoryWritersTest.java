package org.patchgap.formats.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.HostFacts;
import org.patchgap.core.model.Location;
import org.patchgap.core.model.Problem;
import org.patchgap.core.model.Target;

class InventoryWritersTest {

    private static final Target HOST = new Target("ward-pc-07", Target.Kind.HOST, "hosts/ward-pc-07.json",
            List.of(new Component(null, "Google Chrome", "58.0.3029.110", null, new Location("hosts/ward-pc-07.json", "/apps/0"))),
            new HostFacts("Microsoft Windows 7 Professional", "6.1.7601", "6.1.7601.23677", "x64", "Service Pack 1",
                    List.of("KB4012212", "KB4012215"), Map.of("smb1.server", "enabled")));
    private static final Target APP = new Target("shop@1.0", Target.Kind.APPLICATION, "shop.cdx.json",
            List.of(ReportFixtures.LOG4J));
    private static final InventoryReport REPORT = new InventoryReport(List.of(HOST, APP),
            List.of(new Problem(new Location("shop.cdx.json", "/components/4"), "unknown purl type 'foo'; component skipped")));

    @Test
    void tableShowsHostFactsAndComponents() {
        assertThat(new InventoryTableWriter().render(REPORT)).isEqualTo("""
                ward-pc-07 (host, from hosts/ward-pc-07.json)
                  os: Microsoft Windows 7 Professional
                  product: Windows 7 x64 SP1
                  release: 6.1.7601
                  build: 6.1.7601.23677
                  architecture: x64
                  service pack: Service Pack 1
                  installed updates: KB4012212 KB4012215
                  smb1.server: enabled
                  ECOSYSTEM  NAME           VERSION        PURL  LOCATION
                  -          Google Chrome  58.0.3029.110  -     hosts/ward-pc-07.json at /apps/0

                shop@1.0 (application, from shop.cdx.json)
                  ECOSYSTEM  NAME                                 VERSION  PURL                                                  LOCATION
                  Maven      org.apache.logging.log4j:log4j-core  2.14.1   pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1  app.cdx.json at /components/0

                2 targets, 2 components.
                """);
    }

    @Test
    void jsonHasTargetsComponentsHostFactsAndProblems() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new InventoryJsonWriter().write(REPORT, out);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/targets/0/kind").asText()).isEqualTo("host");
        assertThat(json.at("/targets/0/host/build").asText()).isEqualTo("6.1.7601.23677");
        assertThat(json.at("/targets/0/host/installedUpdates").toString()).isEqualTo("[\"KB4012212\",\"KB4012215\"]");
        assertThat(json.at("/targets/0/host/configuration/smb1.server").asText()).isEqualTo("enabled");
        assertThat(json.at("/targets/0/components/0/ecosystem").isNull()).isTrue();
        assertThat(json.at("/targets/1/host").isNull()).isTrue();
        assertThat(json.at("/targets/1/components/0/purl").asText()).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(json.at("/targets/1/components/0/location/place").asText()).isEqualTo("/components/0");
        assertThat(json.at("/targets/1/components/0/cpe").isNull()).isTrue();
        assertThat(json.at("/problems/0/message").asText()).startsWith("unknown purl type");
    }
}
