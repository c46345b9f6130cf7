/** Strict Semantic Versioning 2.0.0 parts shared by the schemes of ecosystems that follow it exactly. */
@NullMarked
package org.patchgap.core.version.semver;

import org.jspecify.annotations.NullMarked;
