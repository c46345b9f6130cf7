/** The Windows build number scheme. */
@NullMarked
package org.patchgap.core.version.windows;

import org.jspecify.annotations.NullMarked;
