package org.patchgap.core.model;

import java.util.Objects;

/**
 * A match that is not reported as a finding because a publisher states the product is not affected (CSAF VEX
 * {@code known_not_affected}): kept so that a report can say what it left out and on whose word.
 *
 * @param finding   the finding the ranges alone would have reported
 * @param statement the statement that covers the component
 * @param recordId  the id of the advisory record that made the statement (e.g. the CVE of a VEX document)
 * @param source    where that record was read from (file or URL)
 */
public record SuppressedFinding(Finding finding, NotAffectedStatement statement, String recordId, String source) {

    public SuppressedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(source, "source");
    }
}
