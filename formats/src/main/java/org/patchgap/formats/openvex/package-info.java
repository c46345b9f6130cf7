/**
 * Reads OpenVEX documents (https://openvex.dev, spec v0.2.0) into not-affected statements. The entry point is
 * {@link org.patchgap.formats.openvex.OpenVexReader}; what is and is not read is listed in docs/formats/vex.md.
 */
@NullMarked
package org.patchgap.formats.openvex;

import org.jspecify.annotations.NullMarked;
