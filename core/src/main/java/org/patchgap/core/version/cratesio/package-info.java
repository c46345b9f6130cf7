/** The crates.io version scheme (Cargo's semver crate). */
@NullMarked
package org.patchgap.core.version.cratesio;

import org.jspecify.annotations.NullMarked;
