package org.patchgap.core.version.windows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Windows build numbers such as {@code 10.0.19045.3570} (major.minor.build.revision), for matching host
 * facts against fixed builds (docs/ecosystems/windows.md).
 *
 * <p>One or more non-negative numbers separated by {@code .}; they compare by value, part by part, and a
 * missing part counts as 0, so {@code 10.0 = 10.0.0.0} and leading zeros do not count. This is how Windows
 * build numbers are compared in practice (as .NET's {@code System.Version} does when the missing parts are
 * read as 0); there is no canonical tool to compare against.
 */
public final class WindowsVersionScheme implements VersionScheme {

    public static final WindowsVersionScheme INSTANCE = new WindowsVersionScheme();

    private WindowsVersionScheme() {}

    @Override
    public String name() {
        return "Windows";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String p : text.split("\\.", -1)) {
            if (p.isEmpty() || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidVersionException(name(), text,
                        "'" + p + "' is not a number (expected numbers separated by '.', such as 10.0.19045.3570)");
            }
            numbers.add(new BigInteger(p));
        }
        int end = numbers.size();
        while (end > 1 && numbers.get(end - 1).signum() == 0) end--;
        return new WindowsVersion(text, List.copyOf(numbers.subList(0, end)));
    }

    /** The parts with trailing zeros removed, so that equal versions have equal lists. */
    private record WindowsVersion(String text, List<BigInteger> parts) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            List<BigInteger> other = ((WindowsVersion) o).parts;
            for (int i = 0; i < Math.max(parts.size(), other.size()); i++) {
                BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
                BigInteger b = i < other.size() ? other.get(i) : BigInteger.ZERO;
                int c = a.compareTo(b);
                if (c != 0) return c;
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WindowsVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            return parts.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
