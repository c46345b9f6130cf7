/**
 * Windows hosts against Microsoft advisories: products named as the Security Update Guide names them, fixes as
 * KB updates or fixed builds, the supersedence between KBs, and the matcher that decides whether a host is
 * exposed, fixed, or cannot be told. Pure Java; readers in {@code org.patchgap.formats.windows} fill the model.
 */
@NullMarked
package org.patchgap.core.windows;

import org.jspecify.annotations.NullMarked;
