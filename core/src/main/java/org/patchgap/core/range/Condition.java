package org.patchgap.core.range;

import org.patchgap.core.version.Version;

/**
 * A rule of a range syntax that is not a matter of order, such as node-semver's pre-release rule or PEP 440's
 * "{@code <V} excludes pre-releases of V". It narrows an {@link Interval}; its {@code toString} describes it.
 */
public interface Condition {

    /** Whether {@code version}, already inside the interval's bounds, is admitted. */
    boolean admits(Version version);
}
