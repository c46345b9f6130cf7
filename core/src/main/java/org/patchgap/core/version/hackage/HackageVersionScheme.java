package org.patchgap.core.version.hackage;

import java.util.Arrays;
import org.patchgap.core.version.InvalidVersionException;
import org.patchgap.core.version.Version;
import org.patchgap.core.version.VersionScheme;

/**
 * Haskell package versions (Hackage), as Cabal's {@code Distribution.Version} parses and orders them
 * (docs/ecosystems/hackage.md).
 *
 * <p>One or more numbers separated by {@code .}; Cabal refuses a number with a leading zero ({@code 1.01}) and
 * one of more than nine digits, and no longer accepts tags ({@code 1.0-beta}). Versions compare as lists of
 * numbers, so a prefix is lower: {@code 1.0 < 1.0.0 < 1.0.1}.
 */
public final class HackageVersionScheme implements VersionScheme {

    public static final HackageVersionScheme INSTANCE = new HackageVersionScheme();

    private HackageVersionScheme() {}

    @Override
    public String name() {
        return "Hackage";
    }

    @Override
    public Version parse(String text) throws InvalidVersionException {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        String[] parts = text.split("\\.", -1);
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidVersionException(name(), text,
                        "'" + p + "' is not a number (a version is numbers separated by '.', without tags)");
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                throw new InvalidVersionException(name(), text, "number '" + p + "' has a leading zero");
            }
            if (p.length() > 9) {
                throw new InvalidVersionException(name(), text, "number '" + p + "' has more than nine digits");
            }
            numbers[i] = Integer.parseInt(p);
        }
        return new HackageVersion(text, numbers);
    }

    private record HackageVersion(String text, int[] numbers) implements Version {

        @Override
        public VersionScheme scheme() {
            return INSTANCE;
        }

        @Override
        public int compareTo(Version o) {
            Version.requireSameScheme(this, o);
            return Integer.signum(Arrays.compare(numbers, ((HackageVersion) o).numbers));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HackageVersion v && compareTo(v) == 0;
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
