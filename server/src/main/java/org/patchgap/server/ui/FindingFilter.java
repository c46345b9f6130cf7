package org.patchgap.server.ui;

import org.jspecify.annotations.Nullable;

/** The findings list's filters as the page and its exports take them from the query string. */
public record FindingFilter(@Nullable String team, @Nullable String target, @Nullable String vulnerability,
        @Nullable String severity, @Nullable String kev, @Nullable String status, @Nullable String sort) {}
