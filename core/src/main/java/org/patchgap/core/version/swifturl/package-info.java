/** The SwiftURL version scheme. */
@NullMarked
package org.patchgap.core.version.swifturl;

import org.jspecify.annotations.NullMarked;
