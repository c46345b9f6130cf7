/**
 * From a package URL (purl) to the package as OSV knows it: ecosystem, name in the ecosystem's spelling and
 * version. The mapping table is documented in {@code docs/formats/purl.md}.
 */
@NullMarked
package org.patchgap.core.purl;

import org.jspecify.annotations.NullMarked;
