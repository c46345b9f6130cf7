/**
 * CycloneDX inventories (JSON and XML, spec 1.2 to 1.7) read into targets and components. See
 * {@code docs/formats/cyclonedx.md} and ADR 0002 for why the read path walks the document itself.
 */
@NullMarked
package org.patchgap.formats.cyclonedx;

import org.jspecify.annotations.NullMarked;
