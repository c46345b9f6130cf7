package org.patchgap.server.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A case as stored. {@code id} is the database's and never leaves the server; {@code publicId} names it. */
public record DisclosureCase(
        long id,
        String publicId,
        CaseState state,
        String title,
        String description,
        String productsJson,
        @Nullable String reporterName,
        @Nullable String reporterContact,
        boolean submittedEncrypted,
        @Nullable Long coordinatorTeamId,
        @Nullable String duplicateOf,
        @Nullable String closedReason,
        @Nullable LocalDate embargoUntil,
        Instant reportedAt,
        @Nullable Instant triagedAt,
        @Nullable Instant publishedAt,
        @Nullable String advisoryDraft,
        @Nullable String advisoryId) {}
