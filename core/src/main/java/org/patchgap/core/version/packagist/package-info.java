/** The Packagist (Composer) version scheme (composer/semver normalisation, PHP version_compare). */
@NullMarked
package org.patchgap.core.version.packagist;

import org.jspecify.annotations.NullMarked;
