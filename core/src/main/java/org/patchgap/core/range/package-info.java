/**
 * Version ranges as users write them (vers URIs, npm, PEP 440, Maven, ...), each parsed by one small class
 * into the one common model {@link org.patchgap.core.range.VersionRange} and evaluated with the ecosystem's
 * {@link org.patchgap.core.version.VersionScheme}. {@link org.patchgap.core.range.RangeSyntaxes} picks the
 * parser. See docs/ranges.md.
 */
@NullMarked
package org.patchgap.core.range;

import org.jspecify.annotations.NullMarked;
