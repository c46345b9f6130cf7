package org.patchgap.server.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The in-process CSAF schema check the publisher relies on: the OASIS CSAF 2.0 examples in ../shared/data/csaf
 * (Cisco, Red Hat, BSI, the CISA VEX use cases) are valid, and each of them broken in a way the schema forbids is not.
 */
class CsafSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> examples() throws IOException {
        Path dir = Path.of("..", "..", "shared", "data", "csaf");
        assumeTrue(Files.isDirectory(dir), "../shared/data/csaf (the OASIS CSAF examples) is absent; skipped");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theOasisExamplesAreValid() throws IOException {
        List<Path> files = examples();
        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            assertThat(CsafSchema.document(JSON.readTree(file.toFile()))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void brokenCopiesAreRefusedWithTheirPath() throws IOException {
        int broken = 0;
        for (Path file : examples()) {
            JsonNode document = JSON.readTree(file.toFile());
            JsonNode tlpNode = document.path("document").path("distribution").path("tlp");
            if (!tlpNode.isObject()) continue;
            ((ObjectNode) tlpNode).put("label", "CLEAR"); // TLP 2.0's word: CSAF 2.0 allows TLP 1.0 labels only
            ((ObjectNode) document.path("document")).remove("csaf_version");
            List<String> errors = CsafSchema.document(document);
            assertThat(errors).as(file.toString()).anyMatch(e -> e.startsWith("/document/distribution/tlp/label"))
                    .anyMatch(e -> e.contains("csaf_version"));
            broken++;
        }
        assertThat(broken).isPositive();
    }

    @Test
    void providerMetadataNeedsItsRequiredFields() throws IOException {
        ObjectNode metadata = JSON.createObjectNode().put("canonical_url", "https://example.org/.well-known/csaf/provider-metadata.json");
        assertThat(CsafSchema.providerMetadata(metadata)).anyMatch(e -> e.contains("role"));
    }
}
