package org.patchgap.formats.spdx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchgap.core.model.Component;
import org.patchgap.core.model.ReadResult;
import org.patchgap.core.model.Target;

/** CPE references of SPDX 2.x packages and CPE identifiers of SPDX 3 packages become the component's CPE. */
class SpdxCpeTest {

    private final SpdxJsonReader reader = new SpdxJsonReader();

    @Test
    void spdx2CpeReferencesAreKept() throws Exception {
        ReadResult<Target> result = reader.read(fixture("cpe-references.spdx.json"));
        List<Component> components = result.items().get(0).components();
        assertThat(components).extracting(Component::cpe).containsExactly(
                "cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*",
                "cpe:/a:openssl:openssl:1.0.1f",
                "cpe:2.3:a:lodash:lodash:4.17.20:*:*:*:*:node.js:*:*",
                null);
        // NOASSERTION as version: the CPE's own version stands in.
        assertThat(components.get(1).version()).isEqualTo("1.0.1f");
        assertThat(components.get(1).ecosystem()).isNull();
        assertThat(components.get(2).ecosystem()).isEqualTo("npm");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("malformed CPE 'cpe:2.3:a:broken'").endsWith("; CPE ignored");
            assertThat(p.location().place()).isEqualTo("/packages/3");
        });
        assertThat(components.get(3).name()).isEqualTo("broken");
    }

    @Test
    void spdx3CpeIdentifierIsKept() throws Exception {
        ReadResult<Target> result = reader.read(fixture("cpe-identifier.spdx3.json"));
        assertThat(result.items().get(0).components()).singleElement().satisfies(c -> {
            assertThat(c.cpe()).isEqualTo("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*");
            assertThat(c.version()).isEqualTo("2.4.49");
        });
        assertThat(result.problems()).isEmpty();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(SpdxCpeTest.class.getResource("/spdx/" + name).toURI());
    }
}
