package org.patchgap.formats.osv;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Finds the fixture files under src/test/resources/osv. */
final class OsvFixtures {

    private OsvFixtures() {}

    static Path fixture(String name) {
        try {
            return Path.of(OsvFixtures.class.getResource("/osv/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture osv/" + name, e);
        }
    }
}
