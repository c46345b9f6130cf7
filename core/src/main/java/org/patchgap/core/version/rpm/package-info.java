/** The RPM version scheme (rpmvercmp, epoch:version-release) of Red Hat and the other RPM distributions. */
@NullMarked
package org.patchgap.core.version.rpm;

import org.jspecify.annotations.NullMarked;
