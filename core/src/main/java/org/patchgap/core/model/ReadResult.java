package org.patchgap.core.model;

import java.util.List;

/** What a reader got out of its input: the usable records and the skipped ones, with the reason for each. */
public record ReadResult<T>(List<T> items, List<Problem> problems) {

    public ReadResult {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
