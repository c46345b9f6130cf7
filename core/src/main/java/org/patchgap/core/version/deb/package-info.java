/** Debian and Ubuntu package versions in dpkg's order. See docs/versions.md. */
@NullMarked
package org.patchgap.core.version.deb;

import org.jspecify.annotations.NullMarked;
