/** PyPI versions: PEP 440 as the packaging library parses, normalises and orders it. See docs/versions.md. */
@NullMarked
package org.patchgap.core.version.pypi;

import org.jspecify.annotations.NullMarked;
