package org.patchgap.server.fleet;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.EpssScore;
import org.patchgap.core.model.Finding;
import org.patchgap.formats.kev.KevEntry;
import org.patchgap.store.PackageKey;

/**
 * A finding of one match run, with what the ledger needs to keep it over time.
 *
 * @param key          its identity within the target: the vulnerability's stable id and the package key; a later
 *                     match that yields the same key is the same exposure (another version of the package
 *                     still exposed to the same flaw included)
 * @param ids          the vulnerability's id and every alias, for lookups by any of them
 * @param exposed      false for a Windows "cannot tell" (the data cannot say either way): kept, not counted as
 *                     an exposure in the patch gap
 * @param fixPublished when a fix became available (the advisory's publication, when it names a fix), or null
 * @param body         the finding in the CLI's JSON shape
 */
public record MatchedFinding(
        String key,
        String vulnerabilityId,
        List<String> ids,
        PackageKey packageKey,
        Finding finding,
        boolean exposed,
        @Nullable KevEntry kev,
        @Nullable EpssScore epss,
        @Nullable Instant fixPublished,
        byte[] body) {}
