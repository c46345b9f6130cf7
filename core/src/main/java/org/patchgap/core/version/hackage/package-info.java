/** The Haskell (Hackage) version scheme. */
@NullMarked
package org.patchgap.core.version.hackage;

import org.jspecify.annotations.NullMarked;
