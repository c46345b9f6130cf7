/** Maven versions in Maven's own order (maven-artifact's ComparableVersion). See docs/versions.md. */
@NullMarked
package org.patchgap.core.version.maven;

import org.jspecify.annotations.NullMarked;
