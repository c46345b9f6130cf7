/**
 * From a package URL (purl) to the package as OSV knows it: ecosystem, name in the ecosystem's spelling and
 * version. Purls are parsed, validated and normalised by our own ECMA-427 parser with the per-type rules of
 * package-url/purl-spec ({@code Purl}, {@code PurlTypes}). The parsing rules and the mapping table are
 * documented in {@code docs/formats/purl.md}.
 */
@NullMarked
package org.patchgap.core.purl;

import org.jspecify.annotations.NullMarked;
