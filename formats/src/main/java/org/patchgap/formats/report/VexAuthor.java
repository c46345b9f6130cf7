package org.patchgap.formats.report;

import java.util.Objects;

/**
 * Who makes the statements of a VEX document the scan writes: OpenVEX's {@code author}, CSAF's
 * {@code document.publisher} (its name and namespace URL). A VEX document speaks for an organisation, so the CLI
 * takes both from {@code --vex-author} and {@code --vex-namespace}; the defaults say only that a scan made it.
 */
public record VexAuthor(String name, String namespace) {

    public static final VexAuthor SCAN = new VexAuthor("Patchgap scan", "urn:patchgap:scan");

    public VexAuthor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
    }
}
