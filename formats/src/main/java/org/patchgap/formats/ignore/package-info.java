/** Ignore rules ({@code .patchgapignore}): findings a team has decided to accept for a reason, until a date. */
@NullMarked
package org.patchgap.formats.ignore;

import org.jspecify.annotations.NullMarked;
