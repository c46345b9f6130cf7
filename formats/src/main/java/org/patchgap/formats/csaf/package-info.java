/**
 * Reads CSAF 2.0 advisories (security advisories and VEX documents of any vendor) into the core model. The entry
 * point is {@link org.patchgap.formats.csaf.CsafAdvisoryReader}; what is and is not used is listed in
 * docs/database.md (section CSAF).
 */
@NullMarked
package org.patchgap.formats.csaf;

import org.jspecify.annotations.NullMarked;
