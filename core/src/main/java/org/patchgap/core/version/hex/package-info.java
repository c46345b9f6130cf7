/** The Hex version scheme. */
@NullMarked
package org.patchgap.core.version.hex;

import org.jspecify.annotations.NullMarked;
