package org.patchgap.core.model;

import java.util.Objects;

/**
 * One advisory record that a reported vulnerability was merged from: its own id and where it was read (a file, an
 * entry of a dump, a document URL). A finding for a flaw that GitHub, NVD and a vendor all describe lists one per
 * source, so every fact of the report can be traced to the record that said it.
 */
public record SourceRecord(String id, String source) {

    public SourceRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
