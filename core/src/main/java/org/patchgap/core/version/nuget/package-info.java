/** The NuGet version scheme (NuGet.Versioning). */
@NullMarked
package org.patchgap.core.version.nuget;

import org.jspecify.annotations.NullMarked;
