/** Reads CISA's Known Exploited Vulnerabilities catalog (JSON) into {@link org.patchgap.core.model.KevEntry}. */
@NullMarked
package org.patchgap.formats.kev;

import org.jspecify.annotations.NullMarked;
