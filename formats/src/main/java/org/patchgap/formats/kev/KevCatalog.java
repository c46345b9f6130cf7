package org.patchgap.formats.kev;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.KevEntry;
import org.patchgap.core.model.Problem;

/**
 * One copy of CISA's Known Exploited Vulnerabilities catalog as read: its version and release time (the
 * watermark of an update), the usable entries, and the entries skipped with the reason.
 *
 * @param catalogVersion {@code catalogVersion}, e.g. {@code 2025.08.25}
 * @param dateReleased   {@code dateReleased}, or null when absent or unreadable
 */
public record KevCatalog(String catalogVersion, @Nullable Instant dateReleased, List<KevEntry> entries,
                         List<Problem> problems) {

    public KevCatalog {
        Objects.requireNonNull(catalogVersion, "catalogVersion");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
