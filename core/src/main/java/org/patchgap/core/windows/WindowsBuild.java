package org.patchgap.core.windows;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Windows build {@code major.minor.build[.revision]}, e.g. {@code 10.0.14393.953}; the revision (the update
 * build revision, UBR) is what a cumulative update raises, and is null when the inventory did not say it.
 */
public record WindowsBuild(int major, int minor, int build, @Nullable Integer revision) {

    private static final Pattern BUILD = Pattern.compile("^\\s*(\\d{1,2})\\.(\\d{1,2})\\.(\\d{3,5})(?:\\.(\\d{1,6}))?");

    /** Reads the leading {@code a.b.c[.d]} of {@code text}; anything after it (e.g. {@code " Build 7601"}) is ignored. */
    public static Optional<WindowsBuild> parse(@Nullable String text) {
        if (text == null) return Optional.empty();
        Matcher m = BUILD.matcher(text);
        if (!m.find()) return Optional.empty();
        Integer rev = m.group(4) == null ? null : Integer.valueOf(m.group(4));
        return Optional.of(new WindowsBuild(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), rev));
    }

    /** The same build with the given revision. */
    public WindowsBuild withRevision(int rev) {
        return new WindowsBuild(major, minor, build, rev);
    }

    /** Whether {@code other} is the same release line (major, minor and build number alike). */
    public boolean sameLine(WindowsBuild other) {
        return major == other.major && minor == other.minor && build == other.build;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + (revision == null ? "" : "." + revision);
    }
}
