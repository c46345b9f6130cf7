/** npm versions: SemVer 2.0.0 as node-semver parses and orders it. See docs/versions.md. */
@NullMarked
package org.patchgap.core.version.npm;

import org.jspecify.annotations.NullMarked;
