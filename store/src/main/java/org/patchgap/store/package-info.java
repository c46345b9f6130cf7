/**
 * The local advisory database: one file, {@code advisories.pgdb}, with advisories per source and ecosystem, the
 * KEV catalog and EPSS scores; its sources and their downloads; atomic updates and imports. Entry points:
 * {@link org.patchgap.store.AdvisoryDatabase} (read), {@link org.patchgap.store.DatabaseUpdater} (download),
 * {@link org.patchgap.store.DatabaseImporter} (local files), {@link org.patchgap.store.DatabaseLocation}. See
 * docs/database.md.
 */
@NullMarked
package org.patchgap.store;

import org.jspecify.annotations.NullMarked;
