package org.patchgap.core.version.cran;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * R package versions (CRAN, Bioconductor), as R's {@code package_version} reads and orders them
 * (docs/ecosystems/cran.md).
 *
 * <p>At least two non-negative integers separated by {@code .} or {@code -} ({@code 1.2-3} is {@code 1.2.3});
 * leading zeros do not count ({@code 1.01 = 1.1}). Versions compare number by number, a missing number counting
 * as 0, so {@code 1.0 = 1.0.0}, as R compares {@code package_version}s. R stores each number as an integer, so a
 * number above 2147483647 is rejected.
 */
public final class CranVersionScheme implements VersionScheme {

    public static final CranVersionScheme INSTANCE = new CranVersionScheme();

    private static final Pattern VALID = Pattern.compile("([0-9]+[.-])+[0-9]+");

    private CranVersionScheme() {}

    @Override
    public String name() {
        return "CRAN";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        if (!VALID.matcher(text).matches()) {
            throw new InvalidVersionException(name(), text,
                    "expected at least two numbers separated by '.' or '-', such as 1.2 or 1.2-3");
        }
        String[] parts = text.split("[.-]");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidVersionException(name(), text, "number '" + parts[i] + "' is above 2147483647");
            }
        }
        int end = numbers.length;
        while (end > 1 && numbers[end - 1] == 0) end--;
        return new CranVersion(text, Arrays.copyOf(numbers, end));
    }

    /** The numbers with trailing zeros removed, so that equal versions have equal arrays. */
    private record CranVersion(String text, int[] numbers) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            int[] other = ((CranVersion) o).numbers;
            for (int i = 0; i < Math.max(numbers.length, other.length); i++) {
                int c = Integer.compare(i < numbers.length ? numbers[i] : 0, i < other.length ? other[i] : 0);
                if (c != 0) return c;
            }
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CranVersion v && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(numbers);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
