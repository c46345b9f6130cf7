package org.patchgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InventoryCommandTest {

    @Test
    void tableListsEveryTargetAndItsComponents() {
        Cli.Result r = Cli.run("inventory", Cli.example("inventories"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("shop-backend.cdx.json (shop-backend@1.4.0) (application, from ",
                "storefront-web.cdx.xml (storefront-web@3.2.0) (application, from ",
                "billing-api.cdx.json (billing-api@2.0.1) (application, from ");
        assertThat(r.out()).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.12.2");
        assertThat(r.out()).contains("ECOSYSTEM", "NAME", "VERSION", "PURL", "LOCATION");
    }

    @Test
    void jsonHasTargetsWithComponentsAndLocations() throws Exception {
        Cli.Result r = Cli.run("inventory", "--format", "json", Cli.example("inventories/billing-api.cdx.json"));
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode target = json.at("/targets/0");
        assertThat(target.get("name").asText()).isEqualTo("billing-api@2.0.1");
        assertThat(target.get("kind").asText()).isEqualTo("application");
        assertThat(target.get("host").isNull()).isTrue();
        JsonNode urllib3 = null;
        for (JsonNode c : target.get("components")) {
            if (c.get("name").asText().equals("urllib3")) urllib3 = c;
        }
        assertThat(urllib3).isNotNull();
        assertThat(urllib3.get("ecosystem").asText()).isEqualTo("PyPI");
        assertThat(urllib3.get("version").asText()).isEqualTo("1.26.5");
        assertThat(urllib3.get("purl").asText()).isEqualTo("pkg:pypi/urllib3@1.26.5");
        assertThat(urllib3.at("/location/file").asText()).endsWith("billing-api.cdx.json");
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        assertThat(Cli.run("inventory", "nope.xml"))
                .isEqualTo(new Cli.Result(2, "", "patchgap: nope.xml: no such file or directory\n"));
    }
}
