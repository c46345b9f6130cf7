/** The R package version scheme (CRAN, Bioconductor). */
@NullMarked
package org.patchgap.core.version.cran;

import org.jspecify.annotations.NullMarked;
