/**
 * Reads OSV advisories (schema 1.x) in JSON or YAML, from a file, a directory tree or a per-ecosystem zip dump,
 * into the core model. The entry point is {@link org.patchgap.formats.osv.OsvReader}; see docs/formats/osv.md.
 */
@NullMarked
package org.patchgap.formats.osv;

import org.jspecify.annotations.NullMarked;
