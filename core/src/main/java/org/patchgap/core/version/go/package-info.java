/** The Go module version scheme (golang.org/x/mod/semver order). */
@NullMarked
package org.patchgap.core.version.go;

import org.jspecify.annotations.NullMarked;
