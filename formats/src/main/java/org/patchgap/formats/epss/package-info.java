/** Reads FIRST's daily EPSS score file (CSV, gzip) into {@link org.patchgap.core.model.EpssScore}. */
@NullMarked
package org.patchgap.formats.epss;

import org.jspecify.annotations.NullMarked;
