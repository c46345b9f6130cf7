/**
 * Common Platform Enumeration names: the model ({@link org.patchgap.core.cpe.CpeName}, one
 * {@link org.patchgap.core.cpe.CpeValue} per attribute of a well-formed name), the parser of both bindings
 * (CPE 2.3 formatted strings and CPE 2.2 URIs, NISTIR 7695 §6) and name matching (NISTIR 7696,
 * {@link org.patchgap.core.cpe.CpeMatching}). Rules and deviations: {@code docs/formats/cpe.md}.
 */
@NullMarked
package org.patchgap.core.cpe;

import org.jspecify.annotations.NullMarked;
