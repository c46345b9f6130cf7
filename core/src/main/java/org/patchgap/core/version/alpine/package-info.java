/** The Alpine (apk-tools) version scheme, shared by Wolfi and Chainguard. */
@NullMarked
package org.patchgap.core.version.alpine;

import org.jspecify.annotations.NullMarked;
