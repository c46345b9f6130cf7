/**
 * CVSS vectors: strict syntax check against the FIRST specifications and base scores (v2, v3.0, v3.1 through
 * {@code us.springett:cvss-calculator}; v4.0 vectors are checked but not scored).
 */
@NullMarked
package org.patchgap.formats.cvss;

import org.jspecify.annotations.NullMarked;
