/** CISA's Known Exploited Vulnerabilities catalog, in its JSON format. */
@NullMarked
package org.patchgap.formats.kev;

import org.jspecify.annotations.NullMarked;
