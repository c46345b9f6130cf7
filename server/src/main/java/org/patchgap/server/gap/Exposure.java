package org.patchgap.server.gap;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One episode of an exposed finding: a target open to a vulnerability from {@code opened} until {@code resolved}. */
public record Exposure(long findingId, long targetId, String target, String vulnerabilityId, Instant opened,
        @Nullable Instant resolved, @Nullable Instant fixPublished, @Nullable LocalDate kevDue) {}
