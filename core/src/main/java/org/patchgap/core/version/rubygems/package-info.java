/** The RubyGems version scheme (Gem::Version). */
@NullMarked
package org.patchgap.core.version.rubygems;

import org.jspecify.annotations.NullMarked;
