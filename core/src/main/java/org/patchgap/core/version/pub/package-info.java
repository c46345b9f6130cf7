/** The Pub (Dart) version scheme (pub_semver). */
@NullMarked
package org.patchgap.core.version.pub;

import org.jspecify.annotations.NullMarked;
